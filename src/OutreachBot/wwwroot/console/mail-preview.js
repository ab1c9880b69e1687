// The composer's mail preview, drawn again as you type: the form goes to the server as "count recipients" sends it
// (nothing is saved) and the preview comes back rendered by the renderer the mails themselves use.
"use strict";

(() => {
    const form = document.querySelector("[data-compose]");
    const selector = "[data-testid='mail-preview']";
    if (!form || !document.querySelector(selector)) {
        return;
    }

    let timer;
    let latest = 0;
    const refresh = async () => {
        const ticket = ++latest;
        const body = new FormData(form);
        body.set("action", "estimate");
        const response = await fetch(location.pathname, { method: "POST", body, headers: { Accept: "text/html" } });
        if (!response.ok || ticket !== latest) {
            return;
        }
        const fresh = new DOMParser().parseFromString(await response.text(), "text/html").querySelector(selector);
        const current = document.querySelector(selector);
        if (!fresh || !current) {
            return;
        }
        const shown = new Map([...current.querySelectorAll("details")].map((d) => [d.dataset.mailPreview, d.open]));
        for (const details of fresh.querySelectorAll("details")) {
            details.open = shown.get(details.dataset.mailPreview) ?? details.open;
        }
        current.replaceWith(document.importNode(fresh, true));
    };
    const later = () => {
        clearTimeout(timer);
        timer = setTimeout(refresh, 800);
    };
    form.addEventListener("input", later);
    form.addEventListener("change", later);
})();
