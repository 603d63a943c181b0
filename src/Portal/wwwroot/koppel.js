// Small browser helpers the portal calls through JS interop.
window.koppel = {
    // A year-long cookie: the server reads it while prerendering, so the first paint has the chosen theme.
    rememberTheme: function (theme) {
        document.cookie = "koppel-theme=" + encodeURIComponent(theme) + "; path=/; max-age=31536000; samesite=lax";
    },
    // Scrolls the options form to one option (by its settings path) and marks it. A path deeper than the form shows
    // (a webshop's option inside its group) falls back to the nearest group that is there.
    highlightSetting: function (path) {
        var parts = path.split(".");
        for (var n = parts.length; n > 0; n--) {
            var candidate = parts.slice(0, n).join(".");
            var found = Array.prototype.find.call(document.querySelectorAll("#options [data-path]"), function (e) {
                return e.getAttribute("data-path") === candidate;
            });
            if (found) {
                found.classList.add("setting-highlight");
                found.scrollIntoView({ block: "center" });
                return;
            }
        }
    }
};
