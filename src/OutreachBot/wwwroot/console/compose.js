// The compose page's enhancements: the live LINE preview, one message kind's fields at a time, the schedule's
// fields, the next cron firings and the recipient count as you type. The server checks everything again.
"use strict";

(() => {
    const form = document.querySelector("[data-compose]");
    if (!form) {
        return;
    }

    const english = document.documentElement.lang === "en";
    const say = (ja, en) => (english ? en : ja);

    const showSlotFields = (slot) => {
        const type = slot.querySelector("[data-slot-type]").value;
        for (const fields of slot.querySelectorAll(".slot-fields")) {
            fields.hidden = fields.dataset.for !== type;
        }
    };

    const checkHttps = (input) => {
        const value = input.value.trim();
        const bad = value !== "" && !value.startsWith("https://");
        input.setAttribute("aria-invalid", bad ? "true" : "false");
        let note = input.nextElementSibling?.classList.contains("https-note") ? input.nextElementSibling : null;
        if (bad && !note) {
            note = document.createElement("p");
            note.className = "field-error https-note";
            note.textContent = say("https で始まるURLを入力してください。", "Use a URL that starts with https.");
            input.insertAdjacentElement("afterend", note);
        } else if (!bad && note) {
            note.remove();
        }
    };

    const formatStart = (value) => {
        const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
        if (!match) {
            return value;
        }
        const day = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
        return `${+match[1]}/${+match[2]}/${+match[3]}（${"日月火水木金土"[day.getUTCDay()]}）${+match[4]}:${match[5]}`;
    };

    const element = (tag, className, text) => {
        const node = document.createElement(tag);
        node.className = className;
        if (text !== undefined) {
            node.textContent = text;
        }
        return node;
    };

    const drawPreview = () => {
        const chat = form.querySelector(".compose-preview .line-chat");
        const variant = form.querySelector('[data-variant="ja"]');
        if (!chat || !variant) {
            return;
        }
        chat.replaceChildren();
        for (const slot of variant.querySelectorAll("[data-slot]")) {
            const type = slot.querySelector("[data-slot-type]").value;
            const value = (selector) => slot.querySelector(selector)?.value ?? "";
            if (type === "text" && value("[data-preview-text]") !== "") {
                chat.append(element("div", "line-bubble", value("[data-preview-text]")));
            } else if (type === "image" && value("[data-preview-image]") !== "") {
                const bubble = element("div", "line-bubble line-image", "🖼 ");
                bubble.append(element("span", "muted", value("[data-preview-image]")));
                chat.append(bubble);
            } else if (type === "card" && (value("[data-card-title]") || value("[data-card-starts]"))) {
                const card = element("div", "line-card");
                card.append(element("p", "line-card-title", value("[data-card-title]")));
                card.append(element("p", "line-card-row", `日時 ${formatStart(value("[data-card-starts]"))}`));
                if (value("[data-card-venue]")) {
                    card.append(element("p", "line-card-row", `会場 ${value("[data-card-venue]")}`));
                }
                if (value("[data-card-url]")) {
                    card.append(element("p", "line-card-button", "詳しく見る"));
                }
                chat.append(card);
            } else if (type === "json" && value("textarea") !== "") {
                chat.append(element("div", "line-bubble muted", "JSON"));
            }
        }
    };

    const showScheduleFields = () => {
        const kind = form.querySelector("[data-schedule]:checked")?.value ?? "now";
        for (const fields of form.querySelectorAll("[data-when]")) {
            fields.hidden = fields.dataset.when !== kind;
        }
    };

    const debounce = (action, wait) => {
        let timer;
        return () => {
            clearTimeout(timer);
            timer = setTimeout(action, wait);
        };
    };

    const getJson = async (handler, params) => {
        params.set("handler", handler);
        const response = await fetch(`${location.pathname}?${params}`, { headers: { Accept: "application/json" } });
        return response.ok ? response.json() : null;
    };

    const showFirings = debounce(async () => {
        const list = form.querySelector("[data-cron-firings]");
        const cron = form.querySelector("[data-cron]").value.trim();
        list.replaceChildren();
        if (cron === "") {
            return;
        }
        const answer = await getJson("Cron", new URLSearchParams({ cron }));
        if (answer?.firings) {
            list.append(...answer.firings.map((firing) => element("li", "", firing)));
        } else if (answer?.error) {
            list.append(element("li", "field-error", answer.error));
        }
    }, 300);

    const showEstimate = debounce(async () => {
        const output = form.querySelector("[data-estimate]");
        const params = new URLSearchParams();
        for (const topic of form.querySelectorAll('input[name="Input.Topics"]:checked')) {
            params.append("topic", topic.value);
        }
        const everyone = form.querySelector("[data-everyone]")?.checked === true;
        if (everyone) {
            params.set("all", "true");
        } else if (!params.has("topic")) {
            output.textContent = say("トピックを選ぶと人数が表示されます。", "Choose topics to see how many citizens they reach.");
            return;
        }
        for (const language of form.querySelectorAll('input[name="Input.Languages"]:checked')) {
            params.append("language", language.value);
        }
        params.set("match", form.querySelector('input[name="Input.Match"]:checked')?.value ?? "any");
        for (const [name, param] of [["Districts", "district"], ["AgeBands", "ageBand"], ["Skills", "skill"], ["FreeDays", "freeDay"]]) {
            for (const box of form.querySelectorAll(`input[name="Input.${name}"]:checked`)) {
                params.append(param, box.value);
            }
        }
        const answer = await getJson("Estimate", params);
        output.textContent = answer?.text ?? answer?.error ?? "";
    }, 300);

    for (const slot of form.querySelectorAll("[data-slot]")) {
        showSlotFields(slot);
        slot.querySelector("[data-slot-type]").addEventListener("change", () => {
            showSlotFields(slot);
            drawPreview();
        });
    }
    for (const input of form.querySelectorAll("[data-https]")) {
        input.addEventListener("input", () => checkHttps(input));
        checkHttps(input);
    }
    for (const field of form.querySelectorAll("[data-maxlength]")) {
        field.addEventListener("input", () => {
            const length = field.dataset.units === "utf16" ? field.value.length : [...field.value].length;
            const over = length > Number(field.dataset.maxlength);
            field.setAttribute("aria-invalid", over ? "true" : "false");
        });
    }
    form.querySelector('[data-variant="ja"]')?.addEventListener("input", drawPreview);
    for (const radio of form.querySelectorAll("[data-schedule]")) {
        radio.addEventListener("change", showScheduleFields);
    }
    form.querySelector("[data-cron]")?.addEventListener("input", showFirings);
    for (const input of form.querySelectorAll("[data-target]")) {
        input.addEventListener(input.type === "checkbox" || input.type === "radio" ? "change" : "input", showEstimate);
    }

    showScheduleFields();
    drawPreview();
    showEstimate();
    if (form.querySelector("[data-cron]")?.value) {
        showFirings();
    }
})();
