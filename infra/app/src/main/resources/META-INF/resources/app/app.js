// SPDX-License-Identifier: Apache-2.0
// The 1:1 calling page (docs/signaling.md). Query: user=NAME, call=OTHER (call at once),
// autoaccept=1 (accept incoming calls), ice=relay (TURN only), token=T (default: the dev token),
// bitrate=KBPS (the capability this page states). window.cascade is the automation surface:
// stats(), state(), call(), accept(), decline(), hangup(), chat(), reportBandwidth().
'use strict';
(() => {
  const params = new URLSearchParams(location.search);
  const me = params.get('user') || 'guest';
  const autoAccept = params.get('autoaccept') === '1';
  const token = params.get('token') || 'dev';
  const $ = id => document.getElementById(id);

  const state = {
    connected: false, user: null, node: null, call: null, lastEnd: null, errors: [],
    presence: {}, chat: [], mode: null, config: null, configs: [], modes: [], incoming: 0,
    firstFrameMs: null, // ms from this page's navigation to the first remote video frame shown
  };
  let ws = null;
  let pc = null;
  let localStream = null;
  let iceServers = [];
  let policy = params.get('ice') === 'relay' ? 'relay' : 'all';
  let pendingCandidates = [];
  let work = Promise.resolve(); // SDP and ICE handling, one at a time, in arrival order
  let lastStats = [];

  const serial = fn => { work = work.then(fn).catch(e => log('error: ' + e)); return work; };
  const log = text => {
    const line = new Date().toISOString().substring(11, 23) + ' ' + text;
    $('log').textContent = line + '\n' + $('log').textContent.substring(0, 4000);
  };
  const status = text => { $('status').textContent = text; };
  const send = msg => { if (ws && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(msg)); };
  const newId = () => (crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).substring(2));

  function videoCodecs() {
    const c = window.RTCRtpSender && RTCRtpSender.getCapabilities && RTCRtpSender.getCapabilities('video');
    const skip = ['RTX', 'RED', 'ULPFEC', 'FLEXFEC-03'];
    const names = c ? c.codecs.map(x => x.mimeType.split('/')[1].toUpperCase()).filter(n => !skip.includes(n)) : [];
    return names.length ? [...new Set(names)] : ['VP8'];
  }

  function networkType() {
    const t = navigator.connection && navigator.connection.type;
    return ['ethernet', 'wifi', 'cellular'].includes(t) ? t : 'unknown';
  }

  const caps = {
    maxBitrateKbps: parseInt(params.get('bitrate') || '2500', 10),
    codecs: videoCodecs(),
    maxResolution: { width: 1280, height: 720 },
    network: networkType(),
  };

  // ---- start: ICE servers and camera, then signaling

  async function start() {
    $('me').textContent = me;
    const ice = fetch('/api/v1/ice-servers?user=' + encodeURIComponent(me), { headers: { Authorization: 'Bearer ' + token } })
      .then(r => (r.ok ? r.json() : { iceServers: [] }))
      .catch(() => ({ iceServers: [] }));
    const media = navigator.mediaDevices.getUserMedia({ video: { width: 1280, height: 720 }, audio: true })
      .catch(e => { log('no camera/microphone: ' + e.message); return new MediaStream(); });
    const [iceConfig, stream] = await Promise.all([ice, media]);
    iceServers = iceConfig.iceServers || [];
    localStream = stream;
    $('local').srcObject = stream;
    connect();
  }

  function connect() {
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    ws = new WebSocket(proto + '//' + location.host + '/ws/signaling?token=' + encodeURIComponent(token)
      + '&user=' + encodeURIComponent(me));
    ws.onmessage = e => handle(JSON.parse(e.data));
    ws.onclose = e => {
      state.connected = false;
      status('disconnected (' + e.code + ')');
      teardown();
      if (e.code !== 4000) setTimeout(connect, 2000); // 4000: signed in elsewhere
    };
  }

  // ---- signaling messages

  function handle(m) {
    switch (m.type) {
      case 'welcome':
        state.connected = true; state.user = m.user; state.node = m.node;
        status('online on ' + m.node);
        m.contacts.forEach(p => { state.presence[p.user] = p; });
        renderPresence();
        if (params.get('call') && !state.call && !state.lastEnd) call(params.get('call'));
        break;
      case 'presence': state.presence[m.user] = m; renderPresence(); break;
      case 'error': state.errors.push(m); log('error ' + m.code + ': ' + m.message); break;
      case 'call.incoming': incoming(m); break;
      case 'call.ringing': if (state.call && state.call.id === m.callId) { state.call.state = 'ringing'; status('ringing ' + m.to); } break;
      case 'call.accepted': accepted(m); break;
      case 'call.sdp': serial(() => onDescription(m.description)); break;
      case 'call.ice': serial(() => onCandidate(m.candidate)); break;
      case 'call.config': serial(() => applyConfig(m.config)); break;
      case 'call.ended': ended(m); break;
      case 'chat.message': onChat(m); break;
      case 'chat.receipt': onReceipt(m); break;
      default: log('ignored ' + m.type);
    }
  }

  function call(user) {
    if (state.call) return;
    state.call = { id: newId(), peer: user, role: 'caller', state: 'inviting' };
    status('calling ' + user);
    send({ type: 'call.invite', to: user, callId: state.call.id, caps });
  }

  function incoming(m) {
    state.incoming++;
    state.call = { id: m.callId, peer: m.from, role: 'callee', state: 'ringing' };
    $('caller').textContent = m.from;
    $('incoming').hidden = false;
    status('incoming call from ' + m.from);
    if (autoAccept) accept();
  }

  function accept() {
    if (!state.call || state.call.role !== 'callee') return;
    $('incoming').hidden = true;
    send({ type: 'call.accept', callId: state.call.id, caps });
  }

  function decline() {
    if (!state.call) return;
    $('incoming').hidden = true;
    send({ type: 'call.decline', callId: state.call.id });
  }

  function hangup() {
    if (state.call) send({ type: 'call.hangup', callId: state.call.id });
  }

  function accepted(m) {
    if (!state.call || state.call.id !== m.callId) return;
    state.call.state = 'active';
    state.config = m.config;
    status('in call with ' + m.peer);
    $('chatText').disabled = false;
    serial(() => startPeer(m.role === 'caller'));
  }

  function ended(m) {
    state.lastEnd = { callId: m.callId, reason: m.reason, message: m.message, peer: m.peer, durationMs: m.durationMs };
    log('call ended: ' + m.reason + (m.message ? ' (' + m.message + ')' : ''));
    status('call ended: ' + m.reason);
    if (state.call && state.call.id === m.callId) {
      state.call = null;
      $('incoming').hidden = true;
      $('chatText').disabled = true;
      teardown();
    }
  }

  // ---- media

  async function startPeer(isCaller) {
    pc = new RTCPeerConnection({ iceServers, iceTransportPolicy: policy });
    pendingCandidates = [];
    const callId = state.call.id;
    localStream.getTracks().forEach(t => pc.addTrack(t, localStream));
    preferCodecs(state.config.codecs);
    pc.ontrack = e => {
      $('remote').srcObject = e.streams[0] || new MediaStream([e.track]);
      if (e.track.kind === 'video' && state.firstFrameMs === null && $('remote').requestVideoFrameCallback) {
        $('remote').requestVideoFrameCallback(() => { state.firstFrameMs = Math.round(performance.now()); });
      }
    };
    pc.onicecandidate = e => {
      if (e.candidate) send({ type: 'call.ice', callId, candidate: e.candidate.toJSON() });
    };
    pc.oniceconnectionstatechange = () => {
      log('ICE ' + pc.iceConnectionState);
      if (pc.iceConnectionState === 'failed') serial(() => iceFailed(isCaller, callId));
    };
    if (isCaller) await offer(callId, false);
  }

  function preferCodecs(names) {
    const c = RTCRtpReceiver.getCapabilities && RTCRtpReceiver.getCapabilities('video');
    if (!c) return;
    const order = names.map(n => n.toUpperCase());
    const rank = x => { const i = order.indexOf(x.mimeType.split('/')[1].toUpperCase()); return i < 0 ? 99 : i; };
    const codecs = c.codecs.slice().sort((a, b) => rank(a) - rank(b));
    pc.getTransceivers().filter(t => t.receiver.track.kind === 'video').forEach(t => {
      try { t.setCodecPreferences(codecs); } catch (e) { log('codec preferences: ' + e.message); }
    });
  }

  async function offer(callId, iceRestart) {
    const o = await pc.createOffer({ iceRestart });
    await pc.setLocalDescription(o);
    send({ type: 'call.sdp', callId, description: { type: o.type, sdp: o.sdp } });
  }

  async function onDescription(d) {
    if (!pc) return;
    await pc.setRemoteDescription(d);
    for (const c of pendingCandidates) await pc.addIceCandidate(c).catch(e => log('candidate: ' + e.message));
    pendingCandidates = [];
    if (d.type === 'offer') {
      const a = await pc.createAnswer();
      await pc.setLocalDescription(a);
      send({ type: 'call.sdp', callId: state.call.id, description: { type: a.type, sdp: a.sdp } });
      await applyConfig(state.config);
    } else {
      await applyConfig(state.config);
    }
  }

  async function onCandidate(c) {
    if (!pc || !c || !c.candidate) return;
    if (!pc.remoteDescription) { pendingCandidates.push(c); return; }
    await pc.addIceCandidate(c).catch(e => log('candidate: ' + e.message));
  }

  // ICE failed on the direct path: go through TURN only. Both pages switch their policy; the
  // caller restarts ICE with a new offer (RFC 8445 §9), the callee answers it.
  async function iceFailed(isCaller, callId) {
    if (!pc || policy === 'relay') return;
    log('ICE failed: retrying through TURN');
    policy = 'relay';
    pc.setConfiguration(Object.assign(pc.getConfiguration(), { iceTransportPolicy: 'relay' }));
    if (isCaller) await offer(callId, true);
  }

  // The agreed configuration (call.accepted, call.config) applied to what we send.
  async function applyConfig(cfg) {
    if (!cfg) return;
    state.config = cfg;
    state.configs.push(cfg);
    if (!pc) return;
    for (const s of pc.getSenders()) {
      if (!s.track || s.track.kind !== 'video') continue;
      const p = s.getParameters();
      if (!p.encodings || !p.encodings.length) continue; // before negotiation: applied after it
      const height = s.track.getSettings().height || cfg.maxResolution.height;
      p.encodings[0].maxBitrate = cfg.maxBitrateKbps * 1000;
      p.encodings[0].scaleResolutionDownBy = Math.max(1, height / cfg.maxResolution.height);
      await s.setParameters(p).catch(e => log('setParameters: ' + e.message));
    }
  }

  function teardown() {
    if (pc) {
      pc.close();
      pc = null;
    }
    $('remote').srcObject = null;
    state.mode = null;
  }

  // ---- stats and mode (relay when either end of the selected pair is a TURN candidate)

  function selectedMode(report) {
    let pair = null;
    report.forEach(r => {
      if (r.type === 'transport' && r.selectedCandidatePairId) pair = report.get(r.selectedCandidatePairId);
    });
    if (!pair) report.forEach(r => { if (r.type === 'candidate-pair' && r.nominated && r.state === 'succeeded') pair = r; });
    if (!pair) return null;
    const local = report.get(pair.localCandidateId);
    const remote = report.get(pair.remoteCandidateId);
    if (!local || !remote) return null;
    return local.candidateType === 'relay' || remote.candidateType === 'relay' ? 'relay' : 'p2p';
  }

  async function stats() {
    if (!pc || !state.call) return lastStats;
    const report = await pc.getStats();
    let framesDecoded = 0;
    let bytesReceived = 0;
    report.forEach(r => {
      if (r.type === 'inbound-rtp') {
        bytesReceived += r.bytesReceived || 0;
        if (r.kind === 'video') framesDecoded += r.framesDecoded || 0;
      }
    });
    lastStats = [{
      peer: state.call.peer, mode: selectedMode(report), framesDecoded, bytesReceived,
      callId: state.call.id, iceState: pc.iceConnectionState,
    }];
    return lastStats;
  }

  setInterval(async () => {
    if (!pc || !state.call || state.call.state !== 'active') return;
    const mode = selectedMode(await pc.getStats());
    if (mode && mode !== state.mode) {
      log('media path: ' + mode);
      state.mode = mode;
      state.modes.push(mode);
      send({ type: 'call.mode', callId: state.call.id, mode });
    }
  }, 500);

  // ---- chat (receipts: sent by the service, delivered when shown here, read when the page is visible)

  function chat(text) {
    if (!state.call || state.call.state !== 'active') return null;
    const entry = { id: newId(), from: me, text, status: 'pending' };
    state.chat.push(entry);
    renderChat();
    send({ type: 'chat.send', callId: state.call.id, id: entry.id, text });
    return entry.id;
  }

  function onChat(m) {
    state.chat.push({ id: m.id, from: m.from, text: m.text, status: 'received' });
    renderChat();
    send({ type: 'chat.ack', callId: m.callId, id: m.id, status: 'delivered' });
    if (document.visibilityState === 'visible') send({ type: 'chat.ack', callId: m.callId, id: m.id, status: 'read' });
  }

  function onReceipt(m) {
    const e = state.chat.find(x => x.id === m.id);
    if (e) { e.status = m.status; renderChat(); }
  }

  // ---- rendering

  function renderPresence() {
    const ul = $('contacts');
    ul.replaceChildren(...Object.values(state.presence).sort((a, b) => a.user.localeCompare(b.user)).map(p => {
      const li = document.createElement('li');
      li.className = p.status;
      li.textContent = p.user;
      const b = document.createElement('button');
      b.textContent = 'Call';
      b.onclick = () => call(p.user);
      li.append(b);
      return li;
    }));
  }

  function renderChat() {
    $('messages').replaceChildren(...state.chat.map(e => {
      const li = document.createElement('li');
      li.textContent = e.from + ': ' + e.text;
      if (e.from === me) {
        const r = document.createElement('span');
        r.className = 'receipt';
        r.textContent = e.status;
        li.append(r);
      }
      return li;
    }));
  }

  $('callForm').onsubmit = e => { e.preventDefault(); if ($('callee').value) call($('callee').value.trim()); };
  $('hangup').onclick = hangup;
  $('accept').onclick = accept;
  $('decline').onclick = decline;
  $('chatForm').onsubmit = e => { e.preventDefault(); if ($('chatText').value) { chat($('chatText').value); $('chatText').value = ''; } };

  window.cascade = {
    stats,
    state: () => JSON.parse(JSON.stringify(state)),
    call, accept, decline, hangup, chat,
    reportBandwidth: kbps => state.call && send({ type: 'call.bandwidth', callId: state.call.id, maxBitrateKbps: kbps }),
    send,
  };

  start().catch(e => { log('start failed: ' + e); status('failed: ' + e.message); });
})();
