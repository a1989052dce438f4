"""What is bound to Qt and the desktop without being a widget: preferences in QSettings, the
reminder scheduler, single instance, autostart and the .desktop entries."""
