// Small browser helpers that the console calls through JS interop.
window.tokenAdmin = {
    // Resolves true only when the browser confirms the copy; plain-http LAN pages have no clipboard at all.
    copyText: async function (text) {
        if (!window.isSecureContext || !navigator.clipboard || !navigator.clipboard.writeText) {
            return false;
        }
        try {
            await navigator.clipboard.writeText(text);
            return true;
        } catch {
            return false;
        }
    }
};
