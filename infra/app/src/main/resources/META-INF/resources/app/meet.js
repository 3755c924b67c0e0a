// SPDX-License-Identifier: Apache-2.0
// The meeting page, GET /meet/{room}?name=NAME (docs/signaling.md, "Rooms"). It joins the room at
// once with camera and microphone. Mesh mode: one RTCPeerConnection per other member, the member
// whose name sorts first offers, SDP and candidates relayed by room.sdp / room.ice. SFU mode: one
// sendonly connection publishing our camera (three simulcast layers q/h/f) and one recvonly
// connection per other member's stream. A mode change opens the new connections first and closes
// the old ones once the new path decodes, so nobody rejoins.
// Query: name, ice=relay (TURN only), audioOnly=1, w/h (capture size, default 1280x720),
// simulcast=0, uplink=KBPS (reported uplink: sets the room's mesh threshold), token.
// window.cascade: stats(), state(), limitDownlink(kbps), chat(text), leave(), shareScreen().
'use strict';
(() => {
  const params = new URLSearchParams(location.search);
  const room = decodeURIComponent(location.pathname.split('/')[2] || 'lobby').toLowerCase();
  const me = params.get('name') || 'guest';
  const token = params.get('token') || 'dev';
  const audioOnly = params.get('audioOnly') === '1';
  const width = parseInt(params.get('w') || '1280', 10);
  const height = parseInt(params.get('h') || '720', 10);
  const simulcast = params.get('simulcast') !== '0';
  const uplink = params.get('uplink') ? parseInt(params.get('uplink'), 10) : undefined;
  const policy = params.get('ice') === 'relay' ? 'relay' : 'all';
  const $ = id => document.getElementById(id);

  const state = {
    connected: false, joined: false, leaving: false, joins: 0, rejoins: 0, mode: null, threshold: null, modes: [], peers: {},
    streams: {}, speaker: null, chat: [], errors: [], downlinkKbps: 0, published: false,
    resubscribes: 0, republishes: 0,
    firstFrameMs: {}, // per tile: ms from this page's navigation to its first video frame shown
    timeline: [],     // [ms since navigation, what]: the first of each step, for join-time breakdowns
  };
  const mark = what => { if (!state.timeline.some(t => t[1] === what)) state.timeline.push([Math.round(performance.now()), what]); };
  let ws = null;
  let localStream = new MediaStream();
  let screenStream = null;
  let iceServers = [];
  const mesh = {};      // peer -> { pc, pending: [], work }
  const subs = {};      // 'peer/track' -> { pc, peer, track, work }
  const pubs = {};      // track -> { pc }

  const log = text => {
    const line = new Date().toISOString().substring(11, 23) + ' ' + text;
    $('log').textContent = line + '\n' + $('log').textContent.substring(0, 6000);
  };
  const status = text => { $('status').textContent = text; };
  const send = msg => { if (ws && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(msg)); };
  const chain = (holder, fn) => { holder.work = (holder.work || Promise.resolve()).then(fn).catch(e => log('error: ' + e)); };
  const rtcConfig = () => ({ iceServers, iceTransportPolicy: policy });

  // ---- start

  async function start() {
    $('room').textContent = room;
    $('me').textContent = me;
    const ice = fetch('/api/v1/ice-servers?user=' + encodeURIComponent(me), { headers: { Authorization: 'Bearer ' + token } })
      .then(r => (r.ok ? r.json() : { iceServers: [] })).catch(() => ({ iceServers: [] }));
    const constraints = { audio: true, video: audioOnly ? false : { width: { ideal: width }, height: { ideal: height } } };
    const media = navigator.mediaDevices.getUserMedia(constraints)
      .catch(e => { log('no camera/microphone: ' + e.message); return new MediaStream(); });
    mark('start');
    ice.then(() => mark('ice servers'));
    media.then(() => mark('camera'));
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
    ws.onopen = () => mark('socket open');
    ws.onmessage = e => handle(JSON.parse(e.data));
    ws.onclose = e => {
      state.connected = false;
      state.joined = false;
      status('disconnected (' + e.code + ')');
      closeAll();
      if (e.code !== 4000) setTimeout(connect, 2000);
    };
  }

  function handle(m) {
    switch (m.type) {
      case 'welcome':
        mark('welcome');
        state.connected = true;
        send({ type: 'room.join', room, audioOnly, uplinkKbps: uplink });
        break;
      case 'room.joined': joined(m); break;
      case 'room.left': roomLeft(); break;
      case 'participant.joined': addPeer(m.user, m.audioOnly); break;
      case 'participant.left': removePeer(m.user); break;
      case 'room.mode': modeChanged(m.mode, m.threshold); break;
      case 'room.sdp': onMeshDescription(m.from, m.description); break;
      case 'room.ice': onMeshCandidate(m.from, m.candidate); break;
      case 'room.answer': onSfuAnswer(m); break;
      case 'room.stream': onStream(m); break;
      case 'room.speaker': onSpeaker(m.user); break;
      case 'room.chat.message': onChat(m); break;
      case 'room.chat.receipt': { const e = state.chat.find(x => x.id === m.id); if (e) e.status = m.status; break; }
      case 'error': state.errors.push(m); log('error ' + m.code + ': ' + m.message); break;
      default: break;
    }
  }

  function joined(m) {
    mark('joined');
    state.joined = true;
    state.joins++;
    status('in room');
    m.participants.forEach(p => { state.peers[p.user] = { user: p.user, audioOnly: p.audioOnly }; tile(p.user); });
    m.streams.forEach(s => { state.streams[s.user + '/' + s.track] = s; });
    renderPeople();
    modeChanged(m.mode, m.threshold);
  }

  function addPeer(user, peerAudioOnly) {
    state.peers[user] = { user, audioOnly: peerAudioOnly };
    tile(user);
    renderPeople();
    if (state.mode === 'mesh') ensureMesh(user);
  }

  function removePeer(user) {
    delete state.peers[user];
    closeMesh(user);
    Object.keys(subs).filter(k => subs[k].peer === user).forEach(closeSub);
    Object.keys(state.streams).filter(k => k.startsWith(user + '/')).forEach(k => delete state.streams[k]);
    const t = $('tile-' + user);
    if (t) t.remove();
    renderPeople();
  }

  // A mode change: open what the new mode needs now; housekeeping() closes the old path per peer
  // once the new one decodes.
  function modeChanged(mode, threshold) {
    state.threshold = threshold;
    if (mode === state.mode) return;
    log('room mode: ' + mode);
    state.mode = mode;
    state.modes.push(mode);
    $('mode').textContent = mode;
    if (mode === 'sfu') {
      publish('cam', localStream);
      if (screenStream) publish('screen', screenStream);
      Object.values(state.streams).forEach(s => subscribe(s.user, s.track));
    } else {
      Object.keys(state.peers).forEach(ensureMesh);
    }
  }

  // ---- mesh

  function ensureMesh(peer) {
    if (mesh[peer] || peer === me) return mesh[peer];
    const pc = new RTCPeerConnection(rtcConfig());
    const entry = { pc, pending: [] };
    mesh[peer] = entry;
    const audio = localStream.getAudioTracks()[0];
    const video = localStream.getVideoTracks()[0];
    if (audio) pc.addTrack(audio, localStream); else pc.addTransceiver('audio', { direction: 'recvonly' });
    if (video) pc.addTrack(video, localStream); else pc.addTransceiver('video', { direction: 'recvonly' });
    pc.ontrack = e => attach(peer, e.track);
    pc.onicecandidate = e => { if (e.candidate) send({ type: 'room.ice', room, to: peer, candidate: e.candidate.toJSON() }); };
    if (me < peer) {
      chain(entry, async () => {
        const o = await pc.createOffer();
        await pc.setLocalDescription(o);
        send({ type: 'room.sdp', room, to: peer, description: { type: o.type, sdp: o.sdp } });
      });
    }
    return entry;
  }

  function onMeshDescription(peer, d) {
    const entry = d.type === 'offer' ? ensureMesh(peer) : mesh[peer];
    if (!entry) return;
    chain(entry, async () => {
      await entry.pc.setRemoteDescription(d);
      for (const c of entry.pending) await entry.pc.addIceCandidate(c).catch(e => log('candidate: ' + e.message));
      entry.pending = [];
      if (d.type === 'offer') {
        const a = await entry.pc.createAnswer();
        await entry.pc.setLocalDescription(a);
        send({ type: 'room.sdp', room, to: peer, description: { type: a.type, sdp: a.sdp } });
      }
    });
  }

  function onMeshCandidate(peer, c) {
    const entry = mesh[peer] || (state.peers[peer] ? ensureMesh(peer) : null);
    if (!entry || !c || !c.candidate) return;
    chain(entry, async () => {
      if (!entry.pc.remoteDescription) entry.pending.push(c);
      else await entry.pc.addIceCandidate(c).catch(e => log('candidate: ' + e.message));
    });
  }

  function closeMesh(peer) {
    if (mesh[peer]) { mesh[peer].pc.close(); delete mesh[peer]; }
  }

  // ---- SFU: publish our camera (simulcast), play the others

  function publish(track, stream) {
    if (pubs[track]) return;
    const pc = new RTCPeerConnection(rtcConfig());
    const entry = { pc };
    pubs[track] = entry;
    const audio = stream.getAudioTracks()[0];
    const video = stream.getVideoTracks()[0];
    if (audio) pc.addTransceiver(audio, { direction: 'sendonly', streams: [stream] });
    if (video) {
      const init = { direction: 'sendonly', streams: [stream] };
      if (simulcast && track === 'cam') {
        // RFC 8853 simulcast: three layers by rid, quarter, half and full resolution
        init.sendEncodings = [
          { rid: 'q', scaleResolutionDownBy: 4, maxBitrate: 150000 },
          { rid: 'h', scaleResolutionDownBy: 2, maxBitrate: 500000 },
          { rid: 'f', scaleResolutionDownBy: 1, maxBitrate: 1500000 },
        ];
      }
      pc.addTransceiver(video, init);
    }
    if (!audio && !video) { delete pubs[track]; return; }
    chain(entry, async () => {
      const o = await pc.createOffer();
      await pc.setLocalDescription(o);
      send({ type: 'room.publish', room, track, description: { type: 'offer', sdp: o.sdp } });
    });
  }

  function unpublish(track) {
    if (!pubs[track]) return;
    pubs[track].pc.close();
    delete pubs[track];
    send({ type: 'room.unpublish', room, track });
  }

  function subscribe(peer, track) {
    const key = peer + '/' + track;
    if (subs[key] || peer === me || !state.peers[peer]) return;
    const pc = new RTCPeerConnection(rtcConfig());
    const entry = { pc, peer, track };
    subs[key] = entry;
    pc.addTransceiver('audio', { direction: 'recvonly' });
    pc.addTransceiver('video', { direction: 'recvonly' });
    pc.ontrack = e => attach(track === 'cam' ? peer : peer + '-screen', e.track);
    pc.onconnectionstatechange = () => mark('sub ' + key + ' ' + pc.connectionState);
    chain(entry, async () => {
      const o = await pc.createOffer();
      await pc.setLocalDescription(o);
      send({ type: 'room.subscribe', room, user: peer, track, description: { type: 'offer', sdp: o.sdp } });
    });
  }

  function closeSub(key) {
    const s = subs[key];
    if (!s) return;
    s.pc.close();
    delete subs[key];
    send({ type: 'room.unsubscribe', room, user: s.peer, track: s.track });
  }

  function onSfuAnswer(m) {
    mark('answer ' + m.user + '/' + m.track);
    const entry = m.user === me ? pubs[m.track] : subs[m.user + '/' + m.track];
    if (entry) chain(entry, () => entry.pc.setRemoteDescription(m.description));
  }

  function onStream(m) {
    const key = m.user + '/' + m.track;
    if (m.live) {
      state.streams[key] = { user: m.user, track: m.track };
      if (state.mode === 'sfu') subscribe(m.user, m.track);
    } else {
      delete state.streams[key];
      if (subs[key]) { subs[key].pc.close(); delete subs[key]; }
    }
  }

  async function shareScreen() {
    screenStream = await navigator.mediaDevices.getDisplayMedia({ video: true });
    tile(me + '-screen').querySelector('video').srcObject = screenStream;
    // screen sharing goes through the SFU; in a mesh room it starts when the room moves to SFU
    if (state.mode === 'sfu') publish('screen', screenStream);
    screenStream.getVideoTracks()[0].onended = () => { unpublish('screen'); screenStream = null; };
  }

  // ---- housekeeping: finish a mode change per peer once the new path decodes

  async function decodes(pc, peerAudioOnly) {
    if (!pc || pc.connectionState !== 'connected') return false;
    if (peerAudioOnly) return true;
    let frames = 0;
    (await pc.getStats()).forEach(r => { if (r.type === 'inbound-rtp' && r.kind === 'video') frames += r.framesDecoded || 0; });
    return frames > 0;
  }

  // A connection to the SFU that failed (ICE consent lost, DTLS timed out: a busy host or a
  // network change) is replaced by a new one for the same stream, at most once per 2 s each.
  const retried = {};
  function replaceFailed() {
    const now = Date.now();
    const due = key => { if (retried[key] && now - retried[key] < 2000) return false; retried[key] = now; return true; };
    for (const key of Object.keys(subs)) {
      const s = subs[key];
      if (s.pc.connectionState !== 'failed' || !due('sub:' + key)) continue;
      log('subscription ' + key + ' failed: subscribing again');
      state.resubscribes++;
      closeSub(key);
      if (state.mode === 'sfu' && state.streams[key]) subscribe(s.peer, s.track);
    }
    for (const track of Object.keys(pubs)) {
      if (pubs[track].pc.connectionState !== 'failed' || !due('pub:' + track)) continue;
      log('publication ' + track + ' failed: publishing again');
      state.republishes++;
      unpublish(track);
      const stream = track === 'screen' ? screenStream : localStream;
      if (state.mode === 'sfu' && stream) publish(track, stream);
    }
  }

  async function housekeeping() {
    if (!state.joined) return;
    replaceFailed();
    for (const peer of Object.keys(state.peers)) {
      const info = state.peers[peer];
      const sub = subs[peer + '/cam'];
      if (state.mode === 'sfu' && mesh[peer] && sub && await decodes(sub.pc, info.audioOnly)) {
        log('sfu path to ' + peer + ' decodes: closing the mesh connection');
        closeMesh(peer);
      }
      if (state.mode === 'mesh' && sub && mesh[peer] && await decodes(mesh[peer].pc, info.audioOnly)) {
        log('mesh path to ' + peer + ' decodes: closing the sfu connection');
        closeSub(peer + '/cam');
      }
    }
    if (state.mode === 'mesh' && pubs.cam && Object.keys(subs).length === 0) unpublish('cam');
    state.published = !!pubs.cam;
    await reportLevel();
  }
  setInterval(() => { housekeeping().catch(e => log('housekeeping: ' + e)); }, 300);

  // Active speaker: our own microphone level (webrtc-stats media-source.audioLevel) every 300 ms
  let lastLevel = -1;
  async function reportLevel() {
    const pc = (pubs.cam && pubs.cam.pc) || Object.values(mesh).map(x => x.pc)[0];
    if (!pc) return;
    let level = null;
    (await pc.getStats()).forEach(r => { if (r.type === 'media-source' && r.kind === 'audio' && r.audioLevel !== undefined) level = r.audioLevel; });
    if (level === null || Math.abs(level - lastLevel) < 0.01) return;
    lastLevel = level;
    send({ type: 'room.level', room, level: Math.min(1, Math.max(0, level)) });
  }

  function onSpeaker(user) {
    state.speaker = user;
    document.querySelectorAll('.tile').forEach(t => t.classList.toggle('speaking', t.id === 'tile-' + user));
  }

  // ---- stats (contract: per remote peer {peer, mode, framesDecoded, bytesReceived})

  function selectedMode(report) {
    let pair = null;
    report.forEach(r => { if (r.type === 'transport' && r.selectedCandidatePairId) pair = report.get(r.selectedCandidatePairId); });
    if (!pair) return null;
    const local = report.get(pair.localCandidateId);
    const remote = report.get(pair.remoteCandidateId);
    if (!local || !remote) return null;
    return local.candidateType === 'relay' || remote.candidateType === 'relay' ? 'relay' : 'p2p';
  }

  async function peerStats(pc) {
    const report = await pc.getStats();
    const out = { framesDecoded: 0, bytesReceived: 0, frameWidth: 0, frameHeight: 0, audioBytesReceived: 0 };
    report.forEach(r => {
      if (r.type !== 'inbound-rtp') return;
      out.bytesReceived += r.bytesReceived || 0;
      if (r.kind === 'video') {
        out.framesDecoded += r.framesDecoded || 0;
        out.frameWidth = r.frameWidth || out.frameWidth;
        out.frameHeight = r.frameHeight || out.frameHeight;
      } else {
        out.audioBytesReceived += r.bytesReceived || 0;
      }
    });
    out.path = selectedMode(report);
    return out;
  }

  async function stats() {
    const out = [];
    for (const peer of Object.keys(state.peers)) {
      const sub = subs[peer + '/cam'];
      const m = mesh[peer];
      const useSfu = sub && (!m || state.mode === 'sfu') && sub.pc.connectionState === 'connected';
      const pc = useSfu ? sub.pc : (m ? m.pc : (sub ? sub.pc : null));
      if (!pc) { out.push({ peer, mode: null, framesDecoded: 0, bytesReceived: 0 }); continue; }
      const s = await peerStats(pc);
      out.push({
        peer, mode: pc === (sub && sub.pc) ? (s.path ? 'sfu' : null) : s.path, framesDecoded: s.framesDecoded,
        bytesReceived: s.bytesReceived, audioBytesReceived: s.audioBytesReceived, frameWidth: s.frameWidth,
        frameHeight: s.frameHeight, connectionState: pc.connectionState, audioOnly: state.peers[peer].audioOnly,
      });
    }
    return out;
  }

  // ---- rendering and chat

  function tile(id) {
    let t = $('tile-' + id);
    if (!t) {
      t = document.createElement('div');
      t.className = 'tile';
      t.id = 'tile-' + id;
      const v = document.createElement('video');
      v.autoplay = true; v.playsInline = true;
      const label = document.createElement('span');
      label.textContent = id;
      t.append(v, label);
      $('tiles').append(t);
    }
    return t;
  }

  function attach(id, track) {
    const v = tile(id).querySelector('video');
    const stream = v.srcObject instanceof MediaStream ? v.srcObject : new MediaStream();
    stream.getTracks().filter(t => t.kind === track.kind).forEach(t => stream.removeTrack(t));
    stream.addTrack(track);
    v.srcObject = stream;
    v.play().catch(() => {});
    if (track.kind === 'video' && state.firstFrameMs[id] === undefined && v.requestVideoFrameCallback) {
      state.firstFrameMs[id] = null;
      mark('track ' + id);
      v.requestVideoFrameCallback(() => { state.firstFrameMs[id] = Math.round(performance.now()); mark('frame ' + id); });
    }
  }

  function renderPeople() {
    $('people').replaceChildren(...[me + ' (you)', ...Object.keys(state.peers).sort()].map(u => {
      const li = document.createElement('li');
      li.textContent = u + (state.peers[u] && state.peers[u].audioOnly ? ' (audio only)' : '');
      return li;
    }));
  }

  function chat(text) {
    const id = crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).substring(2);
    state.chat.push({ id, from: me, text, status: 'pending' });
    send({ type: 'room.chat', room, id, text });
    renderChat();
    return id;
  }

  function onChat(m) {
    state.chat.push({ id: m.id, from: m.from, text: m.text, status: 'received' });
    send({ type: 'room.chat.ack', room, id: m.id, status: 'delivered' });
    if (document.visibilityState === 'visible') send({ type: 'room.chat.ack', room, id: m.id, status: 'read' });
    renderChat();
  }

  function renderChat() {
    $('messages').replaceChildren(...state.chat.map(e => {
      const li = document.createElement('li');
      li.textContent = e.from + ': ' + e.text;
      return li;
    }));
  }

  function closeAll() {
    Object.keys(mesh).forEach(closeMesh);
    Object.keys(subs).forEach(k => { subs[k].pc.close(); delete subs[k]; });
    Object.keys(pubs).forEach(k => { pubs[k].pc.close(); delete pubs[k]; });
    state.mode = null;
  }

  function leave() {
    state.leaving = true;
    send({ type: 'room.leave', room });
    closeAll();
    state.joined = false;
  }

  /**
   * Told we left without asking: the node that ran the room died (docs/signaling.md, "Rooms
   * across nodes"). Drop everything and join again; the join makes a live node the room's home.
   */
  function roomLeft() {
    if (state.leaving || !state.joined) return;
    state.joined = false;
    state.rejoins++;
    closeAll();
    Object.keys(state.peers).forEach(removePeer);
    status('rejoining');
    setTimeout(() => { if (!state.leaving) send({ type: 'room.join', room, audioOnly, uplinkKbps: uplink }); }, 500);
  }

  $('chatForm').onsubmit = e => { e.preventDefault(); if ($('chatText').value) { chat($('chatText').value); $('chatText').value = ''; } };
  $('share').onclick = () => shareScreen().catch(e => log('screen share: ' + e.message));

  window.cascade = {
    stats,
    state: () => JSON.parse(JSON.stringify(Object.assign({}, state, {
      mesh: Object.keys(mesh), subscriptions: Object.keys(subs), publications: Object.keys(pubs),
    }))),
    // Reports a downlink cap to the server, which applies it to this member's SFU subscriptions'
    // bandwidth estimate (their simulcast layer follows). 0 lifts it. Not a network limit.
    limitDownlink: kbps => { state.downlinkKbps = kbps; send({ type: 'room.bandwidth', room, downlinkKbps: kbps }); },
    reportUplink: kbps => send({ type: 'room.bandwidth', room, uplinkKbps: kbps }),
    chat, leave, shareScreen, send,
  };

  start().catch(e => { log('start failed: ' + e); status('failed: ' + e.message); });
})();
