// Compares two PNG screenshots pixel by pixel, decoded by the browser itself (no image library):
// how many pixels differ by more than `threshold` in any channel, and the sizes. `corners` px
// squares at the four corners are left out (behind a rounded border they show the page), and
// rows from `rows` on (the last row of an element whose height is not a whole number of pixels
// is partly the page).
export async function compareScreenshots(page, a, b, { threshold = 8, corners = 0, rows = Infinity } = {}) {
  return page.evaluate(
    async ([a, b, threshold, corners, rows]) => {
      const decode = async (base64) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext("2d");
        context.drawImage(bitmap, 0, 0);
        return { width: bitmap.width, height: bitmap.height, data: context.getImageData(0, 0, bitmap.width, bitmap.height).data };
      };
      const [x, y] = [await decode(a), await decode(b)];
      const size = (i) => `${i.width} x ${i.height}`;
      if (x.width !== y.width || x.height !== y.height) return { sameSize: false, sizes: [size(x), size(y)], different: null };
      let different = 0;
      const where = [];
      const last = Math.min(x.height, rows);
      const corner = (px, py) => (px < corners || px >= x.width - corners) && (py < corners || py >= last - corners);
      const end = Math.min(x.data.length, rows * x.width * 4);
      for (let i = 0; i < end; i += 4) {
        if (corners && corner((i / 4) % x.width, Math.floor(i / 4 / x.width))) continue;
        for (let c = 0; c < 4; c++) {
          if (Math.abs(x.data[i + c] - y.data[i + c]) > threshold) {
            different++;
            if (where.length < 5) where.push(`${(i / 4) % x.width},${Math.floor(i / 4 / x.width)}`);
            break;
          }
        }
      }
      return { sameSize: true, sizes: [size(x)], different, total: x.width * x.height, where };
    },
    [a.toString("base64"), b.toString("base64"), threshold, corners, rows ?? Infinity],
  );
}
