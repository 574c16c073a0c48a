// The station page's "sign the minutes" buttons: the station's device signs the minutes' exact bytes.
"use strict";
document.querySelectorAll("[data-sign]").forEach((button) => button.addEventListener("click", async () => {
  const device = await window.OstanDevice.Device.open("auth");
  const bytes = Uint8Array.from(atob(button.dataset.bytes), (c) => c.charCodeAt(0));
  const signature = await device.signDocument(button.dataset.context, bytes);
  const answer = await device.post(`/api/polling/minutes/${button.dataset.sign}/signature`, { signature });
  button.nextElementSibling.textContent = answer.status === 200 ? "امضا ثبت شد." : ((answer.data && answer.data.message) || "امضا ثبت نشد.");
  if (answer.status === 200) location.reload();
}));
