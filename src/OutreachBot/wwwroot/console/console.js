// Progressive enhancement only: every page works without this file.
"use strict";

document.addEventListener("submit", (event) => {
    const message = event.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) {
        event.preventDefault();
    }
});

document.addEventListener("DOMContentLoaded", () => {
    // Character counters beside fields with a server-checked limit (the server still says so if it is passed).
    for (const field of document.querySelectorAll("[data-maxlength]")) {
        const limit = Number(field.getAttribute("data-maxlength"));
        const counter = document.createElement("p");
        counter.className = "counter";
        counter.setAttribute("aria-live", "polite");
        const update = () => {
            // LINE counts UTF-16 units (an emoji is two); other limits here count characters.
            const length = field.dataset.units === "utf16" ? field.value.length : [...field.value].length;
            counter.textContent = `${length} / ${limit}`;
            counter.classList.toggle("over", length > limit);
        };
        field.addEventListener("input", update);
        field.insertAdjacentElement("afterend", counter);
        update();
    }

    // After a failed submit, take keyboard and screen-reader users to the list of errors.
    document.querySelector("[data-focus-on-load]")?.focus();
});
