//! The binary Trunk builds: it only mounts the widget.

fn main() {
    recovery_checkin::web::mount_all();
}
