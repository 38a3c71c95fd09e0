// InstructorBot web chat: plain JS, no build step. Talks to /api/webchat/* with the session cookie and a custom
// header (a cross-site form cannot set it, which with SameSite=Strict guards against CSRF).
// Sections: api, rendering (bubbles, cards, date separators), the send queue, sign-in/out, start.
(function () {
  "use strict";
  var HEADER = { "X-InstructorBot-Request": "1" };
  var MAX_LENGTH = 2000, SHOW_COUNT_FROM = 1800, DRAFT_KEY = "instructorbot.draft";
  var $ = function (id) { return document.getElementById(id); };
  var log = $("log"), quick = $("quick"), text = $("text"), count = $("count");
  var demo = false, lastDay = null;

  // ---- api ------------------------------------------------------------------------------------------------------
  // Resolves with { ok, status, data } for any HTTP answer; rejects only when the network failed.
  function api(method, path, body) {
    var init = { method: method, credentials: "same-origin", headers: Object.assign({}, HEADER) };
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(function (response) {
      return response.text().then(function (raw) {
        var data = null;
        try { data = raw ? JSON.parse(raw) : null; } catch (e) { data = null; }
        return { ok: response.ok, status: response.status, data: data };
      });
    });
  }

  function newId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return "web-" + Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function el(tag, className, content) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (content !== undefined) { node.textContent = content; }
    return node;
  }

  // ---- rendering ------------------------------------------------------------------------------------------------
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function dayKey(ms) { var d = new Date(ms); return d.getFullYear() + "-" + d.getMonth() + "-" + d.getDate(); }
  function dayLabel(ms) {
    var d = new Date(ms), now = new Date(), yesterday = new Date(now.getTime() - 864e5);
    if (dayKey(ms) === dayKey(now.getTime())) { return "今天"; }
    if (dayKey(ms) === dayKey(yesterday.getTime())) { return "昨天"; }
    return (d.getFullYear() !== now.getFullYear() ? d.getFullYear() + "年" : "") + (d.getMonth() + 1) + "月" + d.getDate() + "日";
  }
  function clock(ms) { var d = new Date(ms); return pad(d.getHours()) + ":" + pad(d.getMinutes()); }

  function separate(ms) {
    if (dayKey(ms) === lastDay) { return; }
    lastDay = dayKey(ms);
    var separator = el("li", "day", dayLabel(ms));
    separator.dataset.day = lastDay;
    log.appendChild(separator);
  }

  // Cards under a reply's text: a file to download, a picture (charts). Another kind is one more entry here.
  var cards = {
    image: function (attachment) {
      // A chart: shown in the bubble, a tap opens it full size. Its link expires like an export's; then it says so.
      var figure = el("a", "card image");
      figure.href = attachment.url;
      figure.target = "_blank";
      figure.rel = "noopener";
      var image = el("img");
      image.src = attachment.url;
      image.alt = attachment.description || attachment.name || "图表";
      image.addEventListener("load", function () { if (stickToBottom) { scrollToBottom(); } });
      image.addEventListener("error", function () { figure.replaceWith(el("span", "card expired", "（图表链接已过期，请重新询问）")); });
      figure.appendChild(image);
      return figure;
    },
    file: function (attachment) {
      // A tap fetches the file first, so a link that has expired (or whose file is gone) says so in the chat instead of
      // opening an error page; a good one is saved under its own name.
      var link = el("a", "card file");
      link.href = attachment.url;
      link.setAttribute("download", attachment.name);
      link.appendChild(el("span", "icon", "⬇"));
      link.appendChild(el("span", "name", attachment.name));
      var hint = link.appendChild(el("span", "hint", "点按下载"));
      link.addEventListener("click", function (event) {
        event.preventDefault();
        fetch(attachment.url, { credentials: "same-origin" }).then(function (response) {
          if (!response.ok) {
            link.replaceWith(el("span", "card expired", "（文件链接已过期，请重新导出）"));
            return;
          }
          return response.blob().then(function (blob) {
            var save = el("a");
            save.href = URL.createObjectURL(blob);
            save.download = attachment.name;
            document.body.appendChild(save);
            save.click();
            save.remove();
            setTimeout(function () { URL.revokeObjectURL(save.href); }, 60000);
          });
        }).catch(function () { hint.textContent = "下载失败，点按重试"; });
      });
      return link;
    }
  };

  function card(attachment) {
    var kind = /^image\//.test(attachment.contentType || "") ? "image" : "file";
    return (cards[kind] || cards.file)(attachment);
  }

  // Citations ("出处：" and one 《short title》section line each, after the answer) fold under the answer: the sources
  // show, a tap on one shows its quote.
  function splitCitations(message) {
    var at = message.indexOf("\n\n出处：\n");
    return at < 0 ? [message, []] : [message.slice(0, at), message.slice(at + 6).split("\n")];
  }

  function citations(lines) {
    var box = el("div", "citations");
    box.appendChild(el("span", "label", "出处"));
    lines.forEach(function (line) {
      var quoteAt = line.indexOf("：“");
      if (quoteAt < 0) { box.appendChild(el("div", "source", line)); return; }
      var details = el("details", "source");
      details.appendChild(el("summary", null, line.slice(0, quoteAt)));
      details.appendChild(el("blockquote", null, line.slice(quoteAt + 1)));
      box.appendChild(details);
    });
    return box;
  }

  function bubble(fromMe, message, atMs) {
    separate(atMs);
    var item = el("li", fromMe ? "me" : "bot");
    item.appendChild(el("span", "sr", fromMe ? "我说：" : "助手说："));
    var body = el("div", "bubble");
    var parts = fromMe ? [message.text, []] : splitCitations(message.text || "");
    body.appendChild(document.createTextNode(parts[0]));
    if (parts[1].length) { body.appendChild(citations(parts[1])); }
    if (message.attachment) { body.appendChild(card(message.attachment)); }
    if (!fromMe && (demo || message.demo)) { body.appendChild(el("span", "tag", "演示数据")); }
    item.appendChild(body);
    item.appendChild(el("time", "time", clock(atMs)));
    log.insertBefore(item, typing.parentNode === log ? typing : null);
    return item;
  }

  // A reply that tells the user what to send (发送“撤销”可撤回, 发送“龙岗区应建未建名单”查看名单, 回复…或发送“取消”) offers
  // it as a button too, when the host gave none. Not "发送“导出”加辖区名" (a part to complete) nor "例如“…”" (an example,
  // which may record).
  function suggested(message) {
    var found = [], pattern = /(?:发送|回复)“([^”\n]{1,24})”(?!加)/g, match;
    while ((match = pattern.exec(message || "")) && found.length < 4) {
      if (found.indexOf(match[1]) < 0) { found.push(match[1]); }
    }
    return found.map(function (value) { return { title: value, value: value }; });
  }

  // A button sends its value at once (查看名单, 确认/取消, 撤销 after a record, a unit's card), except one that would
  // record something as it stands (a help example): that one fills the composer for the user to edit and send.
  function showQuickReplies(replies) {
    quick.innerHTML = "";
    (replies || []).forEach(function (reply) {
      var button = el("button", reply.compose ? "compose" : reply.unit ? "unit" : null, reply.title);
      button.type = "button";
      button.title = reply.value;
      button.addEventListener("click", function () { if (reply.compose) { compose(reply.value); } else { enqueue(reply.value); } });
      quick.appendChild(button);
    });
  }

  function compose(value) {
    saveDraft(value);
    resize();
    text.focus();
    text.setSelectionRange(value.length, value.length);
  }

  // What a reply offers: its own buttons (or what its text says to send), then a button per unit it lists.
  function offered(reply) {
    var own = reply.quickReplies || suggested(reply.text);
    return own.concat((reply.units || []).map(function (unit) { return Object.assign({ unit: true }, unit); }));
  }

  var stickToBottom = true;
  function scrollToBottom() { log.scrollTop = log.scrollHeight; }

  // A new reply is read from its start: its first line goes to the top of the view (a long reply would otherwise
  // show only its end). Done after the quick replies are in, as they take room from the log.
  function scrollToStart(item) {
    stickToBottom = false;
    log.scrollTop = Math.max(0, item.offsetTop - 8);
  }

  var typing = el("li", "typing");
  typing.setAttribute("role", "status");
  typing.appendChild(el("span", "sr", "助手正在输入"));
  typing.appendChild(el("div", "bubble", "")).innerHTML = "<i></i><i></i><i></i>";

  function showTyping(on) {
    if (on && typing.parentNode !== log) { log.appendChild(typing); scrollToBottom(); }
    if (!on && typing.parentNode === log) { log.removeChild(typing); }
  }

  function showReplies(replies, isDemo) {
    var first = null, last = null, now = Date.now();
    replies.forEach(function (reply) {
      var item = bubble(false, Object.assign({ demo: isDemo }, reply), now);
      first = first || item;
      last = reply;
    });
    showQuickReplies(last && offered(last));
    if (first) { scrollToStart(first); }
  }

  // ---- the send queue: one request at a time, in the order typed; nothing is dropped -----------------------------
  var queue = [], busy = false, paused = false, ready = false, early = [];

  function enqueue(message) {
    message = (message || "").trim();
    if (!message) { return; }
    if (!ready) { early.push(message); return; } // sent once the history is on screen, so it lands after it
    showQuickReplies([]);
    var entry = { text: message, id: newId(), item: bubble(true, { text: message }, Date.now()) };
    entry.item.classList.add("pending");
    queue.push(entry);
    stickToBottom = true;
    scrollToBottom();
    pump();
  }

  function pump() {
    if (busy || paused || !queue.length) { return; }
    var entry = queue[0];
    busy = true;
    showTyping(true);
    api("POST", "/api/webchat/messages", { text: entry.text, clientMessageId: entry.id }).then(function (result) {
      busy = false;
      if (result.status === 401) { expired(); return; }
      if (result.status >= 500 || result.status === 429) { failed(entry); return; }
      if (result.ok && result.data && result.data.retryAfterSeconds) { notYet(entry, result.data.retryAfterSeconds); return; }
      queue.shift();
      entry.item.classList.remove("pending");
      showTyping(queue.length > 0);
      if (!result.ok) {
        showReplies([{ text: (result.data && result.data.detail) || "发送失败。" }]);
      } else {
        showReplies(result.data.replies || [], result.data.demo);
      }
      pump();
    }, function () { busy = false; failed(entry); });
  }

  // The host was still starting and did not handle the message (nothing was recorded): it stays first in the queue, still
  // pending, the ones after it wait so the order stays as typed, and it is sent again with the same id after the delay the
  // server gave. The sender is told once, in words that fit a page that resends by itself.
  function notYet(entry, seconds) {
    paused = true;
    showTyping(false);
    if (!entry.told) {
      entry.told = true;
      showReplies([{ text: "正在启动，请稍候：这条消息还没有处理，也没有记录任何内容，启动完成后会自动重新发送。" }]);
    }
    setTimeout(function () { paused = false; pump(); }, seconds * 1000);
  }

  // The bubble offers a retry; the messages after it wait, so the order stays as typed. A retry reuses the message's
  // id, so a message that did arrive (only its answer was lost) is not recorded twice.
  function failed(entry) {
    paused = true;
    showTyping(false);
    entry.item.classList.remove("pending");
    entry.item.classList.add("failed");
    var retry = el("button", "retry", "发送失败，点按重试");
    retry.type = "button";
    retry.addEventListener("click", function () {
      entry.item.removeChild(retry);
      entry.item.classList.remove("failed");
      entry.item.classList.add("pending");
      paused = false;
      pump();
    });
    entry.item.appendChild(retry);
  }

  // The session ended (expired, or signed out elsewhere): say so, keep what was not sent as the composer's draft.
  function expired() {
    var unsent = queue.map(function (entry) { return entry.text; });
    queue.forEach(function (entry) { entry.item.remove(); });
    queue = [];
    paused = false;
    showTyping(false);
    if (text.value.trim()) { unsent.push(text.value.trim()); }
    saveDraft(unsent.join("\n"));
    showSignIn("登录已过期，请重新输入验证码。未发送的消息已保留，登录后可继续发送。");
  }

  function saveDraft(value) {
    text.value = value;
    try { if (value) { sessionStorage.setItem(DRAFT_KEY, value); } else { sessionStorage.removeItem(DRAFT_KEY); } } catch (e) { /* private mode */ }
  }

  function restoreDraft() {
    var kept = null;
    try { kept = sessionStorage.getItem(DRAFT_KEY); } catch (e) { kept = null; }
    if (kept && !text.value) { text.value = kept; }
    resize();
  }

  // The composer grows with its text (dictated messages are long) and counts down near the limit.
  function resize() {
    text.style.height = "auto";
    text.style.height = Math.min(text.scrollHeight + 2, Math.round(window.innerHeight * 0.4)) + "px";
    var left = MAX_LENGTH - text.value.length;
    count.hidden = text.value.length < SHOW_COUNT_FROM;
    count.textContent = "还可输入 " + left + " 字";
  }

  // ---- sign-in and sign-out -------------------------------------------------------------------------------------
  function showSignIn(notice) {
    $("signin-error").textContent = "";
    $("chat").hidden = true; $("signout").hidden = true; $("who").textContent = "";
    $("demo").hidden = true;
    $("signin-notice").hidden = !notice;
    $("signin-notice").textContent = notice || "";
    $("signin").hidden = false; $("code").focus();
  }

  function showChat(me) {
    demo = !!me.demo;
    $("signin").hidden = true; $("chat").hidden = false; $("signout").hidden = false;
    $("demo").hidden = !demo;
    $("who").textContent = me.name;
    log.innerHTML = "";
    lastDay = null;
    restoreDraft();
    ready = false;
    api("GET", "/api/webchat/history").then(function (result) {
      if (result.ok) { showHistory(me, result.data.messages || []); offerEarlier(result.data); }
    }).catch(function () { /* the chat works without its history */ }).then(function () {
      ready = true;
      early.splice(0).forEach(enqueue);
    });
  }

  function showHistory(me, entries) {
    entries.forEach(function (entry) { bubble(entry.fromUser, entry, entry.atMs || Date.now()); });
    var last = entries.length ? entries[entries.length - 1] : null;
    if (!entries.length) {
      bubble(false, { text: "您好，" + me.name + "！发送“帮助”查看能说什么。" + (demo ? "\n现在使用的是演示数据（虚构的单位和人员），可以放心试。" : "") }, Date.now());
      showQuickReplies([{ title: "帮助", value: "帮助" }]);
    } else {
      showQuickReplies(last && !last.fromUser ? offered(last) : []);
    }
    scrollToBottom();
  }

  // "Load earlier": the 50 turns before the oldest shown, put above it without moving what is on screen.
  var oldestMs = null;
  function offerEarlier(page) {
    var entries = page.messages || [];
    if (entries.length) { oldestMs = entries[0].atMs; }
    var old = log.querySelector(".earlier");
    if (old) { old.remove(); }
    if (!page.more || !oldestMs) { return; }
    var item = el("li", "earlier");
    var button = el("button", null, "加载更早的消息");
    button.type = "button";
    button.addEventListener("click", loadEarlier);
    item.appendChild(button);
    log.insertBefore(item, log.firstChild);
  }

  function loadEarlier() {
    api("GET", "/api/webchat/history?before=" + oldestMs).then(function (result) {
      if (!result.ok) { return; }
      var shown = log, shownDay = lastDay, earlier = el("ol");
      log = earlier; lastDay = null;
      (result.data.messages || []).forEach(function (entry) { bubble(entry.fromUser, entry, entry.atMs); });
      var earlierDay = lastDay;
      log = shown; lastDay = shownDay;
      var button = log.querySelector(".earlier"), first = button ? button.nextSibling : log.firstChild;
      if (first && first.classList.contains("day") && first.dataset.day === earlierDay) { first.remove(); first = button ? button.nextSibling : log.firstChild; }
      var height = log.scrollHeight;
      while (earlier.firstChild) { log.insertBefore(earlier.firstChild, first); }
      log.scrollTop += log.scrollHeight - height;
      offerEarlier(result.data);
    });
  }

  function signIn(code) {
    $("signin-error").textContent = "";
    return api("POST", "/api/webchat/signin", { code: code }).then(function (result) {
      if (result.ok) { $("code").value = ""; showChat(result.data); return; }
      // A sign-in the network delivered twice spends the code on the first try: the second is refused, yet the
      // first signed in. Ask before saying it failed.
      return api("GET", "/api/webchat/me").then(function (me) {
        if (me.ok) { $("code").value = ""; showChat(me.data); return; }
        showSignIn($("signin-notice").textContent);
        $("signin-error").textContent = (result.data && result.data.detail) || "登录失败。";
      });
    });
  }

  $("signin-form").addEventListener("submit", function (event) {
    event.preventDefault();
    signIn($("code").value.trim());
  });

  $("send-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var message = text.value;
    saveDraft("");
    resize();
    enqueue(message);
    text.focus(); // the phone's keyboard stays up for the next message
  });

  text.addEventListener("input", function () {
    resize();
    try { sessionStorage.setItem(DRAFT_KEY, text.value); } catch (e) { /* private mode */ }
  });
  text.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      $("send-form").requestSubmit();
    }
  });

  log.addEventListener("scroll", function () {
    stickToBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
  });

  var confirm = $("confirm");
  $("signout").addEventListener("click", function () { confirm.showModal(); $("confirm-cancel").focus(); });
  $("confirm-cancel").addEventListener("click", function () { confirm.close(); });
  $("confirm-ok").addEventListener("click", function () {
    confirm.close();
    saveDraft("");
    api("POST", "/api/webchat/signout").then(function () { showSignIn("已退出登录。"); });
  });

  // ---- start: a sign-in link carries its code in the fragment (never sent to the server), used once and cleared --
  var linked = /[#&]code=([A-Za-z0-9-]+)/.exec(location.hash);
  if (linked) {
    history.replaceState(null, "", location.pathname + location.search);
    signIn(linked[1]);
  } else {
    api("GET", "/api/webchat/me").then(function (result) {
      if (result.ok) { showChat(result.data); } else { showSignIn(); }
    }).catch(function () { showSignIn(); });
  }
})();
