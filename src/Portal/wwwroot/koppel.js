// Small browser helpers the portal calls through JS interop.
window.koppel = {
    // A year-long cookie: the server reads it while prerendering, so the first paint has the chosen theme.
    rememberTheme: function (theme) {
        document.cookie = "koppel-theme=" + encodeURIComponent(theme) + "; path=/; max-age=31536000; samesite=lax";
    }
};
