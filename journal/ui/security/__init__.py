"""An encrypted journal in the window: the Unlock dialog at start-up, the lock that covers the
window, and Preferences > Privacy (encrypt, decrypt, change the passphrase, when to lock)."""
