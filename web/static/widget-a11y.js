/*
 * A thin accessibility and safety layer over rasa-webchat 1.0.1.
 *
 * rasa-webchat renders its own DOM with React; this script only watches that
 * DOM (MutationObserver) and adds what is missing:
 *  - accessible names in the page's language for the launcher, the close and
 *    send buttons and the message field; state (aria-expanded) on the launcher;
 *  - keyboard access to quick replies (they are <div>s with a click handler);
 *  - Escape closes the chat and focus returns to the launcher; where the open
 *    chat covers the whole page (phones, high zoom), Tab stays inside it;
 *  - a visually hidden live region that announces each new bot message;
 *  - safety: links in bot messages keep only http(s), mailto and tel targets
 *    (the widget turns off react-markdown's URL filter, so "javascript:" links
 *    would otherwise work); raw HTML is already shown as text by
 *    react-markdown's escapeHtml default;
 *  - phone numbers and e-mail addresses in bot messages become tel:/mailto:
 *    links, built from text nodes with createElement, never with innerHTML;
 *  - two feedback buttons ("Hjälpte" / "Hjälpte inte") under the latest answer
 *    (a bot message the channel marked with the class mala-answer), named for
 *    screen readers; a click sends /feedback_helpful or /feedback_not_helpful
 *    without showing it as a message, once per answer (remembered over a reload).
 */
(function () {
  "use strict";

  var SAFE_PROTOCOLS = ["http:", "https:", "mailto:", "tel:"];
  // Candidates only; nationalDigits() checks the digit count. +46 or 0, area code, number.
  var PHONE = /(?:\+46\s?(?:\(0\)\s?)?|0)\d{1,3}(?:[\s-]?\d){5,9}/g;
  var EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
  var ANNOUNCE_KEEP = 5; // old announcements are removed from the live region
  var ANSWER = "mala-answer"; // assistant/channels.py: ANSWER_CLASS
  var FEEDBACK = [
    { payload: "/feedback_helpful", label: "helpful", name: "helpfulName", turn: "" },
    { payload: "/feedback_not_helpful", label: "notHelpful", name: "notHelpfulName", turn: "rotate(180 12 12)" }
  ];
  // A thumb (Material Icons "thumb_up", Apache-2.0), drawn here: no icon font, no emoji font needed.
  var THUMB = "M1 21h4V9H1v12zm22-11c0-1.1-.9-2-2-2h-6.31l.95-4.57.03-.32c0-.41-.17-.79-.44-1.06" +
    "L14.17 1 7.59 7.59C7.22 7.95 7 8.45 7 9v10c0 1.1.9 2 2 2h9c.83 0 1.54-.5 1.84-1.22l3.02-7.05" +
    "c.09-.23.14-.47.14-.73v-2z";
  var SVG = "http://www.w3.org/2000/svg";
  var RATED = "mala-chat-rated"; // local storage: the conversation and answer last rated

  /** National digits of a Swedish number (without the leading 0), or null. */
  function nationalDigits(text) {
    var digits = text.replace(/\D/g, "");
    if (text.charAt(0) === "+") {
      digits = digits.slice(2); // country code 46
      if (digits.charAt(0) === "0") digits = digits.slice(1); // "+46 (0)953…"
    } else {
      digits = digits.slice(1);
    }
    return digits.length >= 7 && digits.length <= 9 ? digits : null;
  }

  /** The longest phone number at the start of a candidate ("0953-14039 2023" → "0953-14039"). */
  function trimPhone(candidate) {
    var text = candidate;
    while (text) {
      if (nationalDigits(text)) return text;
      var cut = text.search(/[\s-]\d+$/);
      if (cut < 0) return null;
      text = text.slice(0, cut);
    }
    return null;
  }

  /** Matches of phone numbers and e-mail addresses in a string, in order, not overlapping. */
  function findContacts(text) {
    var found = [];
    var m;
    EMAIL.lastIndex = 0;
    while ((m = EMAIL.exec(text))) {
      found.push({ start: m.index, text: m[0], href: "mailto:" + m[0] });
    }
    PHONE.lastIndex = 0;
    while ((m = PHONE.exec(text))) {
      var before = text.charAt(m.index - 1);
      if (/[\w+@.]/.test(before)) continue; // part of a longer number or an address
      var phone = trimPhone(m[0]);
      if (!phone || /\d/.test(text.charAt(m.index + phone.length))) continue;
      found.push({ start: m.index, text: phone, href: "tel:+46" + nationalDigits(phone) });
    }
    found.sort(function (a, b) { return a.start - b.start; });
    var last = -1;
    return found.filter(function (f) {
      if (f.start < last) return false;
      last = f.start + f.text.length;
      return true;
    });
  }

  /** Wrap phone numbers and e-mail addresses in a text node in links. */
  function linkifyTextNode(node) {
    var text = node.nodeValue;
    var matches = findContacts(text);
    if (!matches.length) return;
    var fragment = document.createDocumentFragment();
    var pos = 0;
    matches.forEach(function (match) {
      fragment.appendChild(document.createTextNode(text.slice(pos, match.start)));
      var a = document.createElement("a");
      a.href = match.href;
      a.textContent = match.text;
      a.className = "mala-contact-link";
      fragment.appendChild(a);
      pos = match.start + match.text.length;
    });
    fragment.appendChild(document.createTextNode(text.slice(pos)));
    node.parentNode.replaceChild(fragment, node);
  }

  function linkify(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: function (n) {
        return n.parentNode.closest("a") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    nodes.forEach(linkifyTextNode);
  }

  /** Links may only lead to web pages, e-mail or phone; anything else loses its href. */
  function sanitizeLinks(root) {
    root.querySelectorAll("a[href]").forEach(function (a) {
      var protocol;
      try {
        protocol = new URL(a.getAttribute("href"), document.baseURI).protocol;
      } catch (e) {
        protocol = "invalid:";
      }
      if (SAFE_PROTOCOLS.indexOf(protocol) < 0) {
        a.removeAttribute("href");
        a.removeAttribute("target");
      } else if (a.target === "_blank") {
        a.rel = "noopener noreferrer";
      }
    });
  }

  function visible(el) {
    return !!el && el.getClientRects().length > 0; // (offsetParent is null for fixed elements)
  }

  function setAttrs(el, attrs) {
    if (!el) return;
    Object.keys(attrs).forEach(function (k) {
      if (el.getAttribute(k) !== attrs[k]) el.setAttribute(k, attrs[k]);
    });
  }

  /** A visually hidden live region beside React's mount point (which React owns). */
  function createLiveRegion(host, texts) {
    var liveRegion = document.createElement("div");
    liveRegion.className = "mala-visually-hidden";
    setAttrs(liveRegion, { role: "log", "aria-live": "polite", "aria-label": texts.announce });
    host.appendChild(liveRegion);
    return liveRegion;
  }

  /** Say a bot message through the live region, keeping only the last few. */
  function announce(state, text) {
    var p = document.createElement("p");
    p.textContent = state.texts.botSays + " " + text;
    state.liveRegion.appendChild(p);
    while (state.liveRegion.children.length > ANNOUNCE_KEEP) {
      state.liveRegion.removeChild(state.liveRegion.firstChild);
    }
  }

  /**
   * Make the bot messages safe and linked, and announce the new ones. Runs on every change:
   * React may reuse or re-render message elements, so nothing is assumed to be done once.
   * Both steps are idempotent.
   */
  function processMessages(state, container) {
    var botMessages = container.querySelectorAll(".rw-response .rw-message-text");
    botMessages.forEach(function (msg) {
      sanitizeLinks(msg);
      linkify(msg);
    });
    if (container !== state.knownContainer) {
      // First sight (chat opened, or restored after a reload): history, not news.
      state.knownContainer = container;
      state.announced = botMessages.length;
      return;
    }
    for (; state.announced < botMessages.length; state.announced++) {
      var text = botMessages[state.announced].textContent.trim();
      if (text) announce(state, text);
    }
  }

  function rated() {
    try {
      return window.localStorage.getItem(RATED);
    } catch (e) {
      return null; // storage blocked: the buttons stay until the next message
    }
  }

  function remember(key) {
    try {
      window.localStorage.setItem(RATED, key);
    } catch (e) {
      /* storage blocked: nothing to remember it in */
    }
  }

  /** True when the visitor has written anything after this bot message. */
  function answeredSince(container, message) {
    return Array.prototype.some.call(container.querySelectorAll(".rw-client"), function (client) {
      return !!(message.compareDocumentPosition(client) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
  }

  function thumb(turn) {
    var svg = document.createElementNS(SVG, "svg");
    setAttrs(svg, { viewBox: "0 0 24 24", width: "16", height: "16", "aria-hidden": "true", focusable: "false" });
    var path = document.createElementNS(SVG, "path");
    path.setAttribute("d", THUMB);
    if (turn) path.setAttribute("transform", turn);
    path.setAttribute("fill", "currentColor");
    svg.appendChild(path);
    return svg;
  }

  function feedbackBar(state, key) {
    var texts = state.texts;
    var bar = document.createElement("div");
    bar.className = "mala-feedback";
    bar.dataset.key = key;
    setAttrs(bar, { role: "group", "aria-label": texts.feedback });
    var question = document.createElement("span");
    question.className = "mala-feedback-question";
    question.textContent = texts.feedback;
    question.setAttribute("aria-hidden", "true"); // the group's name says it
    bar.appendChild(question);
    FEEDBACK.forEach(function (choice) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "mala-feedback-button";
      button.setAttribute("aria-label", texts[choice.name]);
      button.appendChild(thumb(choice.turn));
      button.appendChild(document.createTextNode(texts[choice.label]));
      button.addEventListener("click", function () {
        remember(key);
        bar.remove();
        state.feedback.send(choice.payload);
        var field = state.host.querySelector(".rw-new-message");
        if (field) field.focus(); // the buttons are gone: keep the keyboard in the chat
      });
      bar.appendChild(button);
    });
    return bar;
  }

  /**
   * The feedback buttons under the last message of the latest answer, until the visitor rates
   * it or writes again. Idempotent (runs on every change, including its own).
   */
  function offerFeedback(state, container) {
    var bars = container.querySelectorAll(".mala-feedback");
    var responses = container.querySelectorAll(".rw-response");
    var answers = container.querySelectorAll(".rw-response." + ANSWER);
    var last = answers[answers.length - 1];
    var key = last ? (state.feedback.session() || "") + "#" + Array.prototype.indexOf.call(responses, last) : null;
    var wanted = last && !answeredSince(container, last) && key !== rated();
    var holder = wanted ? last.closest(".rw-message") || last.parentNode : null;
    Array.prototype.forEach.call(bars, function (bar) {
      if (!wanted || bar.parentNode !== holder || bar.dataset.key !== key) bar.remove();
    });
    if (wanted && !holder.querySelector(".mala-feedback")) holder.appendChild(feedbackBar(state, key));
  }

  /** The launcher's name and state, and empty alt texts on the widget's icon images. */
  function labelLauncher(host, launcher, open, texts) {
    setAttrs(launcher, { "aria-label": open ? texts.close : texts.open, "aria-expanded": String(open) });
    if (launcher && open) launcher.setAttribute("aria-controls", "mala-chat-dialog");
    else if (launcher) launcher.removeAttribute("aria-controls"); // no such element while closed
    host.querySelectorAll(".rw-launcher img, .rw-close-button img, .rw-toggle-fullscreen-button img")
      .forEach(function (img) { setAttrs(img, { alt: "" }); });
  }

  /** The open chat as a named dialog: its title, buttons, field, message log and quick replies. */
  function labelDialog(state, dialog) {
    var texts = state.texts;
    var title = dialog.querySelector(".rw-title");
    if (title) {
      title.id = "mala-chat-title";
      // The widget uses <h4>; on the page it sits below the h2 sections.
      setAttrs(title, { "aria-level": "2" });
    }
    setAttrs(dialog, { id: "mala-chat-dialog", role: "dialog", "aria-labelledby": "mala-chat-title" });
    setAttrs(dialog.querySelector(".rw-close-button"), { "aria-label": texts.close, type: "button" });
    setAttrs(dialog.querySelector(".rw-loading"), { role: "status" });
    setAttrs(dialog.querySelector(".rw-new-message"), { "aria-label": texts.input });
    setAttrs(dialog.querySelector(".rw-send"), { "aria-label": texts.send });
    setAttrs(dialog.querySelector(".rw-send svg"), { "aria-hidden": "true", focusable: "false" });
    var messages = dialog.querySelector(".rw-messages-container");
    if (messages) {
      // Scrollable, so it must be reachable by keyboard to scroll it.
      setAttrs(messages, { role: "region", "aria-label": texts.log, tabindex: "0" });
      processMessages(state, messages);
      if (state.feedback) offerFeedback(state, messages);
    }
    dialog.querySelectorAll("div.rw-reply").forEach(function (reply) {
      setAttrs(reply, { role: "button", tabindex: "0" });
    });
  }

  /** Caret into the message field on opening; focus back to the launcher on closing. */
  function moveFocus(state, dialog, launcher, open) {
    // The widget tries to focus the field, but it is disabled until the bot's socket
    // connects (slow on a busy server), so try again then.
    if (open && !state.wasOpen) state.focusFieldPending = true;
    if (!open) state.focusFieldPending = false;
    var field = dialog && dialog.querySelector(".rw-new-message");
    if (state.focusFieldPending && field && !field.disabled) {
      state.focusFieldPending = false;
      var active = document.activeElement;
      if (!active || active === document.body || active === launcher) field.focus();
    }
    // Closing unmounts the focused element; give focus back to the launcher.
    if (state.wasOpen && !open && launcher && (!document.activeElement || document.activeElement === document.body)) {
      launcher.focus();
    }
    state.wasOpen = open;
  }

  /** Bring the widget's current DOM up to date (runs on every change the observer sees). */
  function fixUp(state) {
    var host = state.host;
    var widget = host.querySelector(".rw-widget-container");
    if (!widget) return;
    var open = widget.classList.contains("rw-chat-open");
    var dialog = host.querySelector(".rw-conversation-container");
    var launcher = host.querySelector(".rw-launcher");
    labelLauncher(host, launcher, open, state.texts);
    if (dialog) labelDialog(state, dialog);
    else state.knownContainer = null;
    moveFocus(state, dialog, launcher, open);
  }

  /**
   * On small screens (and at high zoom) the open chat covers the whole page,
   * so Tab must not wander to page links hidden behind it: keep it inside.
   */
  function trapTab(host, event) {
    var dialog = host.querySelector(".rw-conversation-container");
    if (!dialog || dialog.getBoundingClientRect().width < window.innerWidth - 1) return;
    var focusable = Array.prototype.filter.call(
      dialog.querySelectorAll("button, textarea, a[href], [tabindex='0']"),
      function (el) { return !el.disabled && visible(el); }
    );
    if (!focusable.length) return;
    var first = focusable[0];
    var last = focusable[focusable.length - 1];
    var inside = dialog.contains(document.activeElement);
    if (event.shiftKey && (document.activeElement === first || !inside)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (document.activeElement === last || !inside)) {
      event.preventDefault();
      first.focus();
    }
  }

  /** Escape closes the chat and puts focus on the launcher. */
  function closeChat(host) {
    var launcher = host.querySelector(".rw-launcher");
    var close = host.querySelector(".rw-close-button");
    // On small screens the launcher is hidden while open; use the header's close button.
    (visible(launcher) ? launcher : close || launcher).click();
    setTimeout(function () {
      var l = host.querySelector(".rw-launcher");
      if (l) l.focus();
    }, 0);
  }

  function onKeydown(host, event) {
    var target = event.target;
    if (event.key === "Tab") {
      trapTab(host, event);
    } else if ((event.key === "Enter" || event.key === " ") && target.matches && target.matches("div.rw-reply")) {
      // Quick replies are <div onClick>: make Enter and Space press them.
      event.preventDefault();
      target.click();
    } else if (event.key === "Escape" && host.querySelector(".rw-chat-open")) {
      closeChat(host);
    }
  }

  /**
   * host: the element the widget is mounted in; texts: the page language's texts; feedback:
   * { send(payload), session() } from the widget's handle, or nothing for no feedback buttons.
   */
  function enhance(host, texts, feedback) {
    var state = {
      host: host,
      texts: texts,
      feedback: feedback || null,
      liveRegion: createLiveRegion(host, texts),
      knownContainer: null,
      announced: 0, // how many bot messages have been announced (or were history)
      wasOpen: false,
      focusFieldPending: false
    };
    host.addEventListener("keydown", function (event) { onKeydown(host, event); });
    // href too: a re-render could put back a link target that was removed;
    // disabled: the message field becomes usable once the bot is connected.
    new MutationObserver(function () { fixUp(state); }).observe(host, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ["href", "disabled"]
    });
    fixUp(state);
  }

  window.MalaChatA11y = { enhance: enhance, findContacts: findContacts };
})();
