// Compares two PNG screenshots pixel by pixel, decoded by the browser itself (no image library):
// how many pixels differ by more than `threshold` in any channel, and the sizes.
export async function compareScreenshots(page, a, b, { threshold = 8 } = {}) {
  return page.evaluate(
    async ([a, b, threshold]) => {
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
      for (let i = 0; i < x.data.length; i += 4) {
        for (let c = 0; c < 4; c++) {
          if (Math.abs(x.data[i + c] - y.data[i + c]) > threshold) {
            different++;
            break;
          }
        }
      }
      return { sameSize: true, sizes: [size(x)], different, total: x.width * x.height };
    },
    [a.toString("base64"), b.toString("base64"), threshold],
  );
}
