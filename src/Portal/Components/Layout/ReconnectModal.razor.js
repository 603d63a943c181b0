// Answers the reconnect states of blazor.web.js so a person never has to click to get the page back.
const modal = document.getElementById("components-reconnect-modal");
const pollMilliseconds = 3000;
let poll = null;

modal?.addEventListener("components-reconnect-state-changed", event => {
    switch (event.detail.state) {
        case "failed":
            // The script's own retries are used up; the server may still come back (a deploy, a restart).
            startPolling();
            break;
        case "rejected":
            // The server is up but no longer has this page's circuit: a fresh page is the way to continue.
            location.reload();
            break;
        case "hide":
            stopPolling();
            break;
    }
});

function startPolling() {
    if (poll !== null) return;
    poll = setInterval(tryOnce, pollMilliseconds);
    document.addEventListener("visibilitychange", tryWhenVisible);
}

function stopPolling() {
    if (poll !== null) clearInterval(poll);
    poll = null;
    document.removeEventListener("visibilitychange", tryWhenVisible);
}

function tryWhenVisible() {
    if (document.visibilityState === "visible") tryOnce();
}

let trying = false;
async function tryOnce() {
    if (trying) return;
    trying = true;
    try {
        // true: the circuit is back; false: the server answered but has no such circuit; throws: not reachable yet.
        if (await Blazor.reconnect()) {
            stopPolling();
        } else if (!(await Blazor.resumeCircuit())) {
            location.reload();
        } else {
            stopPolling();
        }
    } catch {
        // Still away: the next tick tries again.
    } finally {
        trying = false;
    }
}
