(() => {
  "use strict";
  // Data comes from the JSON block; keys and segment ids are renderer-made ([a-z0-9-]), labels are plain text.
  const dataEl = document.getElementById("review-data");
  const items = (dataEl ? JSON.parse(dataEl.textContent || "{}") : {}).items || {};
  const status = document.getElementById("selection");
  const info = (key) => items[key] || { segs: [], rel: [], label: key };
  const clear = (cls) => document.querySelectorAll("." + cls).forEach((el) => el.classList.remove(cls));
  const segsOf = (key) => info(key).segs.map((id) => document.getElementById(id)).filter((el) => el);
  const cardsOf = (key) => Array.from(document.querySelectorAll('[data-key="' + key + '"]'));

  // Scroll `el` to the middle of its nearest .scroller (or of the window when there is none).
  function reveal(el) {
    const box = el.closest(".scroller");
    if (box && box.scrollHeight > box.clientHeight) {
      const top = el.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
      box.scrollTo({ top: Math.max(0, top - box.clientHeight / 2), behavior: "smooth" });
      return box;
    }
    el.scrollIntoView({ block: "center", behavior: "smooth" });
    return null;
  }

  function select(keys, fromText) {
    clear("active");
    clear("selected");
    const segs = keys.flatMap(segsOf);
    const cards = keys.flatMap(cardsOf);
    segs.forEach((el) => el.classList.add("active"));
    cards.forEach((el) => el.classList.add("selected"));
    if (status) {
      const labels = keys.map((k) => info(k).label);
      const sentence = keys.length === 1 ? info(keys[0]).sentence : "";
      status.textContent = labels.length ? "Selected: " + labels.join(", ") + (sentence ? " — “" + sentence + "”" : "") : "";
    }
    if (fromText) {
      if (cards.length) reveal(cards[0]);
      return;
    }
    const seen = new Set();
    segs.forEach((el) => {
      el.classList.remove("flash");
      void el.offsetWidth; // restart the animation
      el.classList.add("flash");
      const box = el.closest(".scroller");
      if (!seen.has(box)) {
        seen.add(box);
        reveal(el);
      }
    });
  }

  document.addEventListener("click", (ev) => {
    const target = ev.target instanceof Element ? ev.target : null;
    if (!target) return;
    const seg = target.closest("mark.hl[data-items]");
    if (seg) {
      select(seg.getAttribute("data-items").split(" "), true);
      return;
    }
    const card = target.closest("[data-key]");
    if (card) {
      const key = card.getAttribute("data-key");
      select([key, ...info(key).rel], false);
    }
  });
  document.addEventListener("keydown", (ev) => {
    const t = ev.target;
    if (ev.key === "Escape") select([], true);
    else if ((ev.key === "Enter" || ev.key === " ") && t instanceof Element && t.matches("[data-key]")) {
      ev.preventDefault();
      t.click();
    }
  });
  document.addEventListener("animationend", (ev) => {
    if (ev.target instanceof Element) ev.target.classList.remove("flash");
  });
})();
