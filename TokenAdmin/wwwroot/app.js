// Small browser helpers that the console calls through JS interop.
window.tokenAdmin = {};
