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

// Fields marked data-from-hash take the page's fragment, which browsers keep out of requests and referrers.
(function () {
    const fill = () => document.querySelectorAll('[data-from-hash]').forEach(field => {
        field.value = window.location.hash.slice(1);
    });
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', fill);
    } else {
        fill();
    }
    if (window.Blazor) {
        window.Blazor.addEventListener('enhancedload', fill);
    }
})();
