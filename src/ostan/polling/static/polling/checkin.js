"use strict";
(async function () {
  const root = document.getElementById("checkin");
  const { pair, newToken, persianDigits, escapeHtml: esc } = window.OstanDevice;
  const device = await pair("auth", root);
  const form = root.querySelector("form[data-checkin]");
  const result = root.querySelector("[data-result]");
  const LINK_DOWN = "ارتباط با مرکز برقرار نیست؛ برای جلوگیری از رأی تکراری، احراز هویت تا برقراری ارتباط متوقف است. تلاش دوباره به‌طور خودکار انجام می‌شود.";
  root.dataset.ready = "1";

  function show(cls, html) {
    result.hidden = false;
    result.className = "panel " + cls;
    result.innerHTML = html;
  }
  // The link's state is read when each request leaves, never kept from the first try: a retry made
  // after the connection returns must reach the centre's duplicate check, not be refused again.
  // A retry goes when the browser says the link is back, or after five seconds, whichever is first.
  function retryLater(request, token) {
    let done = false;
    const again = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      window.removeEventListener("online", again);
      attempt(request, token);
    };
    const timer = setTimeout(again, 5000);
    window.addEventListener("online", again);
  }
  async function attempt(request, token) {
    const payload = { ...request, is_link_down: !navigator.onLine };
    const answer = await device.post(root.dataset.path, payload);
    if (answer.link_down || answer.status >= 500 || (answer.data && answer.data.reason_code === "link_down")) {
      // A centre that answers with its own reason (a database that does not commit durably) says it.
      const own = answer.status >= 500 && answer.data && answer.data.message;
      show("refused", own ? `<p data-reason="${esc(answer.data.code || "error")}">${esc(own)}</p>`
        : `<p data-reason="link_down">${LINK_DOWN}</p>`);
      // The same request id and token: the server answers a retry with the first outcome.
      retryLater(request, token);
      return;
    }
    const d = answer.data;
    if (answer.status !== 200) {
      show("refused", `<p data-reason="${esc(d.code || "error")}">${esc(d.message || "خطا")}</p>`);
    } else if (d.is_accepted) {
      show("ok", `<p data-reason="accepted">${esc(d.message)}</p><p>رمز رأی برای دستگاه رأی‌گیری:</p>
        <div data-token-slot><p class="big" data-token>${esc(token)}</p></div>
        <button type="button" onclick="window.print()">چاپ رمز</button>`);
      shortCode(request, token);
    } else {
      show("refused", `<p data-reason="${esc(d.reason_code)}">${esc(d.message)}</p>`);
    }
  }
  // The voter should not have to type 32 characters: the centre re-keys the token to nine digits (the
  // last a check digit) and draws them as a QR code. If that fails, the long token shown stays valid.
  async function shortCode(request, token) {
    const answer = await device.post("/api/polling/short-codes",
      { token, national_code: request.national_code, request_id: request.request_id });
    if (answer.link_down || answer.status !== 200) return;
    const slot = result.querySelector("[data-token-slot]");
    if (!slot) return;
    slot.innerHTML = `<div class="token-card" data-token-card>
        <p class="token-code" dir="ltr" data-short-code="${esc(answer.data.short_code)}">${esc(answer.data.display)}</p>
        <div class="token-qr" aria-hidden="true">${answer.data.qr_svg}</div>
        <p class="muted">این کد نُه‌رقمی را در دستگاه رأی‌گیری همین شعبه بنویسید یا کد QR را به دوربین آن نشان دهید.</p></div>`;
  }
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!device.isPaired) { show("refused", "<p>این دستگاه هنوز با شعبه جفت نشده است.</p>"); return; }
    const { token, hash } = await newToken();
    const request = {
      request_id: crypto.randomUUID(), national_code: form.national_code.value,
      evidence: form.evidence.value, token_hash: hash,
    };
    await attempt(request, token);
    form.reset();
    form.national_code.focus();
  });
})();
