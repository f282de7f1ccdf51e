//! The binary Trunk builds: it only mounts the widget.

/// Talc instead of the standard library's dlmalloc: a few KB less WebAssembly, and it grows
/// the wasm memory as dlmalloc does. The widget runs on one thread (no `atomics`).
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    recovery_checkin::web::mount_all();
}
