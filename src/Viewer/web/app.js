// The Boundaries web map: OpenLayers (bundled, no internet), data from this server's OGC API Features and /api/v1.
(function () {
  'use strict';

  const TEXT = {
    'zh-CN': {
      title: '行政区划', search: '搜索', searchPlaceholder: '名称或代码', date: '日期', latest: '最新',
      layers: '图层', legend: '图例', details: '详情', clickHint: '点击地图查看区划', lookup: '坐标查询', locate: '查询',
      edit: '界线编辑', measure: '量距', editMode: '选择界线并移动节点', author: '编辑人', reason: '原因', save: '保存草稿',
      code: '代码', name: '名称', level: '级别', parent: '上级', validFrom: '生效', validTo: '失效', notFound: '未找到',
      found: '找到', outside: '不在任何区划内', lines: '界线', triJunctions: '三交点', findings: '检查问题',
      lineMapAgreed: '界线（图上协商）', linesInView: '视图内界线', selectedLine: '已选界线', saved: '已保存草稿版本', conflict: '冲突：该界线已被他人修改，请重新加载',
      blocked: '编辑被拒绝，存在问题', between: '之间', loading: '加载中…', outsideSide: '外部',
      prefecture: '地级', district: '区县', township: '乡镇街道', village: '村社区', province: '省级', country: '国家'
    },
    en: {
      title: 'Administrative divisions', search: 'Search', searchPlaceholder: 'name or code', date: 'Date', latest: 'latest',
      layers: 'Layers', legend: 'Legend', details: 'Details', clickHint: 'Click the map to see a division', lookup: 'Coordinate lookup', locate: 'Locate',
      edit: 'Line editing', measure: 'Measure', editMode: 'select a boundary line and move its vertices', author: 'author', reason: 'reason', save: 'Save draft',
      code: 'Code', name: 'Name', level: 'Level', parent: 'Parent', validFrom: 'Valid from', validTo: 'Valid to', notFound: 'not found',
      found: 'found', outside: 'outside every division', lines: 'Boundary lines', triJunctions: 'Tri-junctions', findings: 'Findings',
      lineMapAgreed: 'boundary line (map-agreed)', linesInView: 'lines in view', selectedLine: 'selected line', saved: 'saved as draft version', conflict: 'conflict: someone else changed this line; reload it',
      blocked: 'edit refused: findings block it', between: 'between', loading: 'loading…', outsideSide: 'outside',
      prefecture: 'prefecture', district: 'district', township: 'township', village: 'village', province: 'province', country: 'country'
    }
  };
  const ORDER = ['country', 'province', 'prefecture', 'district', 'township', 'village'];
  const EDGE = { country: '#000', province: '#222', prefecture: '#3b0f70', district: '#8c2981', township: '#5d6d7e', village: '#95a5a6' };
  const WIDTH = { country: 4, province: 3.5, prefecture: 3, district: 2.4, township: 1, village: 0.6 };
  const PALETTE = ['#fde2c8', '#d8ecd0', '#d6e4f5', '#f7d9e3', '#efeac5', '#dcd6f0', '#cfe9e8', '#f3dcc4'];

  let lang = localStorage.getItem('boundaries.lang') || 'zh-CN';
  const t = key => (TEXT[lang] && TEXT[lang][key]) || TEXT.en[key] || key;
  const $ = id => document.getElementById(id);
  const format = new ol.format.GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });

  const viewer = window.viewer = { ready: false, counts: {}, layers: {}, levels: [], date: null, error: null };
  // for the panels in enclaves.js and survey.js
  viewer.format = format;
  viewer.t = key => t(key);
  viewer.addText = (zh, en) => { Object.assign(TEXT['zh-CN'], zh); Object.assign(TEXT.en, en); };
  if (window.boundariesAccess) viewer.addText(...window.boundariesAccess.text);
  viewer.escapeHtml = s => escapeHtml(s);
  const map = viewer.map = new ol.Map({
    target: 'map',
    view: new ol.View({ center: ol.proj.fromLonLat([117.2, 39.1]), zoom: 9 }),
    controls: [new ol.control.Zoom(), new ol.control.ScaleLine({ units: 'metric', bar: true, steps: 4, text: true, minWidth: 120 }), new ol.control.Attribution()]
  });

  function colourOf(code) {
    let h = 0;
    for (let i = 0; i < code.length; i++) h = (h * 31 + code.charCodeAt(i)) >>> 0;
    return PALETTE[h % PALETTE.length];
  }

  function inForce(props, date) {
    if (date === null) return props.valid_to == null;
    return (props.valid_from == null || props.valid_from <= date) && (props.valid_to == null || props.valid_to > date);
  }

  let selectedCode = null;
  function divisionStyle(level, lowest) {
    const cache = {};
    return (feature, resolution) => {
      const p = feature.getProperties();
      if (!inForce(p, viewer.date)) return null;
      const selected = p.code === selectedCode;
      const showLabel = lowest ? resolution < 120 : (resolution >= 120 || level !== 'prefecture');
      const key = p.code + '|' + selected + '|' + showLabel + '|' + p.name;
      if (!cache[key]) {
        cache[key] = new ol.style.Style({
          fill: lowest ? new ol.style.Fill({ color: selected ? '#ffd54f' : colourOf(p.code) }) : undefined,
          stroke: new ol.style.Stroke({ color: selected ? '#d84315' : EDGE[level] || '#333', width: (WIDTH[level] || 1) + (selected ? 2 : 0) }),
          text: showLabel && (lowest || level === 'district') ? new ol.style.Text({
            text: lowest ? p.name + '\n' + p.code : p.name,
            font: (lowest ? '12px' : 'bold 15px') + ' "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif',
            fill: new ol.style.Fill({ color: lowest ? '#1d2a38' : '#5b1663' }),
            stroke: new ol.style.Stroke({ color: '#fff', width: 3 }),
            overflow: false
          }) : undefined,
          zIndex: selected ? 10 : 0
        });
      }
      return cache[key];
    };
  }

  viewer.getJson = (url, init) => getJson(url, init);
  // every API call of the page goes through here: the language and the signed-in credential (access.js) are sent
  async function getJson(url, init) {
    const access = window.boundariesAccess;
    init = Object.assign({}, init);
    init.headers = Object.assign({ 'Accept-Language': lang }, access ? access.headers() : {}, init.headers);
    const r = await fetch(url, init);
    const body = await r.text();
    let json = null;
    try { json = JSON.parse(body); } catch (e) { json = { detail: body }; }
    if ((r.status === 401 || r.status === 403) && access) json = access.refused(r.status, json);
    return { status: r.status, ok: r.ok, json };
  }

  // ---- divisions by zoom: each level is loaded whole once, simplified for the opening zoom (the server simplifies the
  // level's coverage, so neighbours keep one shared edge); after each move, the divisions in view (and a margin) are
  // fetched again for the new zoom, from FULL_PRECISION on as stored (what editing works on). Only integer zooms are
  // asked for, so the server's cache serves every pan at the same zoom.
  const FULL_PRECISION = 15;
  const zoomNow = () => Math.max(0, Math.min(FULL_PRECISION, Math.floor(map.getView().getZoom() + 1e-9)));
  viewer.detailPending = 0;
  let detailRound = 0;
  const settleWaiters = [];
  const itemsUrl = (level, zoom, bbox) => '../collections/' + level + '/items?limit=10000&zoom=' + zoom + (bbox ? '&bbox=' + bbox.map(v => v.toFixed(6)).join(',') : '');

  const readAtZoom = (json, zoom) => format.readFeatures(json).map(f => { f.set('_zoom', zoom, true); return f; });

  async function loadLevels() {
    const collections = (await getJson('../collections')).json.collections;
    viewer.levels = ORDER.filter(l => collections.some(c => c.id === l));
    const lowest = viewer.levels[viewer.levels.length - 1];
    // the opening view comes from the collections' extents, so the first geometry asked for is already the right zoom
    const extent = ol.extent.createEmpty();
    collections.filter(c => viewer.levels.includes(c.id))
      .forEach(c => ol.extent.extend(extent, ol.proj.transformExtent(c.extent.spatial.bbox[0], 'EPSG:4326', 'EPSG:3857')));
    if (!ol.extent.isEmpty(extent)) map.getView().fit(extent, { padding: [20, 20, 20, 20] });
    viewer.openingZoom = zoomNow();
    const pages = await Promise.all(viewer.levels.map(level => getJson(itemsUrl(level, viewer.openingZoom))));
    let z = 1;
    viewer.levels.forEach((level, i) => {
      const source = new ol.source.Vector({ features: readAtZoom(pages[i].json, viewer.openingZoom) });
      const layer = new ol.layer.Vector({ source, style: divisionStyle(level, level === lowest), zIndex: level === lowest ? 1 : ++z + 1, declutter: 'labels' });
      layer.set('level', level);
      viewer.layers[level] = layer;
      viewer.counts[level] = source.getFeatures().length;
      map.addLayer(layer);
    });
    const all = viewer.levels.flatMap(l => viewer.layers[l].getSource().getFeatures());
    const days = new Set();
    all.forEach(f => { const p = f.getProperties(); if (p.valid_from) days.add(p.valid_from); if (p.valid_to) days.add(p.valid_to); });
    viewer.dates = [...days].sort();
    const slider = $('date-slider');
    slider.max = String(viewer.dates.length);
    slider.value = String(viewer.dates.length);
  }

  // after a move: the divisions in view (plus half a view each side) that are not yet at the new zoom. Each feature
  // remembers its zoom, so a pan at one zoom asks only for the divisions coming into view; every division on screen
  // is always of one zoom (shared edges drawn once).
  const byIds = 200; // up to this many divisions are asked for by id, more by bounding box
  async function loadDetail() {
    if (!viewer.levels.length || !viewer.layers[viewer.levels[0]]) return;
    const zoom = zoomNow();
    const round = ++detailRound;
    const view = map.getView().calculateExtent(map.getSize());
    const wanted = ol.extent.buffer(view, Math.max(ol.extent.getWidth(view), ol.extent.getHeight(view)) / 2);
    const bbox = ol.proj.transformExtent(wanted, 'EPSG:3857', 'EPSG:4326');
    const asks = [];
    for (const level of viewer.levels) {
      const source = viewer.layers[level].getSource();
      const lacking = [];
      source.forEachFeatureIntersectingExtent(wanted, f => { if (f.get('_zoom') !== zoom) lacking.push(f.getId()); });
      if (!lacking.length) continue;
      const url = itemsUrl(level, zoom, lacking.length > byIds ? bbox : null) + (lacking.length > byIds ? '' : '&ids=' + lacking.map(encodeURIComponent).join(','));
      asks.push({ level, url });
    }
    if (!asks.length) return;
    viewer.detailPending++;
    try {
      const pages = await Promise.all(asks.map(a => getJson(a.url)));
      if (round !== detailRound) return; // the view moved on: a newer round brings its own
      asks.forEach((a, i) => {
        if (!pages[i].ok) return;
        const source = viewer.layers[a.level].getSource();
        for (const f of format.readFeatures(pages[i].json)) {
          const old = source.getFeatureById(f.getId());
          if (old) { old.setGeometry(f.getGeometry()); old.set('_zoom', zoom, true); } else { f.set('_zoom', zoom, true); source.addFeature(f); }
        }
      });
      viewer.detailRounds = (viewer.detailRounds || 0) + 1;
    } catch (err) {
      viewer.error = String(err);
    } finally {
      viewer.detailPending--;
      if (viewer.detailPending === 0) settleWaiters.splice(0).forEach(w => w());
    }
  }
  map.on('moveend', () => { loadDetail(); });
  viewer.loadDetail = loadDetail;
  viewer.zoomNow = zoomNow;
  // resolves (with performance.now()) once the map has drawn everything asked so far: no division request pending and a
  // render completed after the last one (what the speed script and the browser tests wait for)
  viewer.whenSettled = () => new Promise(resolve => {
    // a view just set is drawn now, so its moveend (and the detail request it starts) comes before the wait
    map.renderSync();
    const check = () => {
      if (viewer.detailPending === 0) resolve(performance.now());
      else settleWaiters.push(() => { map.once('rendercomplete', check); map.render(); });
    };
    map.once('rendercomplete', check);
    map.render();
  });

  function setDateIndex(i) {
    viewer.date = i >= viewer.dates.length ? null : viewer.dates[i];
    $('date-slider').value = String(i);
    $('date-label').textContent = viewer.date || t('latest');
    Object.values(viewer.layers).forEach(l => l.changed());
  }
  viewer.setDateIndex = setDateIndex;
  viewer.visibleNames = level => viewer.layers[level].getSource().getFeatures()
    .filter(f => inForce(f.getProperties(), viewer.date)).map(f => f.get('name')).sort();

  function renderLayerSwitches() {
    const box = $('layers');
    box.innerHTML = '';
    const entries = viewer.levels.map(l => [l, viewer.layers[l], t(l) + ' (' + viewer.counts[l] + ')']);
    if (viewer.linesLayer) entries.push(['lines', viewer.linesLayer, t('lines')]);
    if (viewer.triLayer) entries.push(['trijunctions', viewer.triLayer, t('triJunctions') + ' (' + viewer.triLayer.getSource().getFeatures().length + ')']);
    if (viewer.findingsLayer) entries.push(['findings', viewer.findingsLayer, t('findings') + ' (' + viewer.findingsLayer.getSource().getFeatures().length + ')']);
    for (const extra of viewer.extraLayers || []) entries.push([extra.id, extra.layer, t(extra.label) + ' (' + extra.layer.getSource().getFeatures().length + ')']);
    for (const [id, layer, label] of entries) {
      const row = document.createElement('label');
      row.className = 'legend-row';
      const cb = document.createElement('input');
      cb.type = 'checkbox'; cb.checked = layer.getVisible(); cb.id = 'layer-' + id;
      cb.onchange = () => layer.setVisible(cb.checked);
      row.append(cb, document.createTextNode(label));
      box.append(row);
    }
  }

  function renderLegend() {
    const box = $('legend');
    box.innerHTML = '';
    const lowest = viewer.levels[viewer.levels.length - 1];
    for (const level of viewer.levels) {
      const row = document.createElement('div');
      row.className = 'legend-row';
      const sw = document.createElement('span');
      sw.className = 'swatch';
      sw.style.borderColor = EDGE[level];
      sw.style.background = level === lowest ? PALETTE[0] : 'transparent';
      row.append(sw, document.createTextNode(t(level)));
      box.append(row);
    }
    for (const [colour, key] of [['#0b6e99', 'lineMapAgreed'], ['#e65100', 'selectedLine'], ['#c62828', 'findings'], ...(viewer.extraLegend || [])]) {
      const row = document.createElement('div');
      row.className = 'legend-row';
      const sw = document.createElement('span');
      sw.className = 'swatch line';
      sw.style.borderColor = colour;
      row.append(sw, document.createTextNode(t(key)));
      box.append(row);
    }
  }

  function applyLanguage() {
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-i18n]').forEach(e => { e.textContent = t(e.dataset.i18n); });
    document.querySelectorAll('[data-i18n-placeholder]').forEach(e => { e.placeholder = t(e.dataset.i18nPlaceholder); });
    $('lang').value = lang;
    $('date-label').textContent = viewer.date || t('latest');
    if (viewer.levels.length) { renderLayerSwitches(); renderLegend(); }
    if (viewer.selected) showDetails(viewer.selected);
  }
  $('lang').onchange = e => { lang = e.target.value; localStorage.setItem('boundaries.lang', lang); applyLanguage(); };

  function showDetails(feature) {
    viewer.selected = feature;
    if (viewer.onSelect) viewer.onSelect(feature);
    selectedCode = feature.get('code');
    Object.values(viewer.layers).forEach(l => l.changed());
    const p = feature.getProperties();
    const rows = [['code', p.code], ['name', p.name], ['level', t(p.level)], ['parent', p.parent], ['validFrom', p.valid_from], ['validTo', p.valid_to]]
      .filter(r => r[1] != null)
      .map(r => '<tr><td>' + t(r[0]) + '</td><td class="v-' + r[0] + '">' + escapeHtml(String(r[1])) + '</td></tr>').join('');
    $('details').innerHTML = '<table>' + rows + '</table>';
  }

  function escapeHtml(s) { return s.replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c])); }

  map.on('singleclick', e => {
    if ($('edit-mode').checked && pickLine(e.pixel)) return;
    for (const level of [...viewer.levels].reverse()) {
      const layer = viewer.layers[level];
      if (!layer.getVisible()) continue;
      const hit = map.forEachFeatureAtPixel(e.pixel, f => f, { layerFilter: l => l === layer });
      if (hit) { showDetails(hit); return; }
    }
  });

  $('search-form').onsubmit = e => {
    e.preventDefault();
    const q = $('search').value.trim();
    if (!q) return;
    const candidates = viewer.levels.flatMap(l => viewer.layers[l].getSource().getFeatures()).filter(f => inForce(f.getProperties(), viewer.date));
    const hit = candidates.find(f => f.get('code') === q) || candidates.find(f => f.get('name') === q)
      || candidates.find(f => f.get('code').startsWith(q)) || candidates.find(f => (f.get('name') || '').includes(q));
    if (!hit) { $('search-result').textContent = t('notFound'); return; }
    $('search-result').textContent = t('found') + ': ' + hit.get('name') + ' ' + hit.get('code');
    map.getView().fit(hit.getGeometry().getExtent(), { padding: [40, 40, 40, 40], duration: 0 });
    showDetails(hit);
  };

  const markerLayer = new ol.layer.Vector({ source: new ol.source.Vector(), zIndex: 50, style: new ol.style.Style({
    image: new ol.style.Circle({ radius: 7, fill: new ol.style.Fill({ color: '#e53935' }), stroke: new ol.style.Stroke({ color: '#fff', width: 2 }) }) }) });
  map.addLayer(markerLayer);

  $('locate-form').onsubmit = async e => {
    e.preventDefault();
    const url = '../api/v1/locate?lon=' + encodeURIComponent($('locate-x').value.trim()) + '&lat=' + encodeURIComponent($('locate-y').value.trim())
      + '&crs=' + encodeURIComponent($('locate-crs').value) + (viewer.date ? '&at=' + viewer.date : '');
    const r = await getJson(url, { headers: { 'Accept-Language': lang } });
    const list = $('locate-chain');
    list.innerHTML = '';
    if (!r.ok) { list.innerHTML = '<li class="error">' + escapeHtml(r.json.detail || r.json.title || String(r.status)) + '</li>'; return; }
    viewer.lastLocate = r.json;
    const found = r.json.levels.filter(l => l.code);
    if (!found.length) list.innerHTML = '<li>' + t('outside') + '</li>';
    for (const l of found) {
      const li = document.createElement('li');
      li.className = 'chain-' + l.level;
      li.dataset.code = l.code;
      li.textContent = t(l.level) + ': ' + l.name + ' ' + l.code + (l.on_boundary ? ' (±)' : '');
      list.append(li);
    }
    markerLayer.getSource().clear();
    const point = ol.proj.fromLonLat([r.json.lon, r.json.lat]);
    markerLayer.getSource().addFeature(new ol.Feature(new ol.geom.Point(point)));
    map.getView().setCenter(point);
  };

  // ---- line editing: the server applies the edited line to both neighbours ----
  const lineStyle = new ol.style.Style({ stroke: new ol.style.Stroke({ color: '#0b6e99', width: 2 }) });
  // the selected line and its vertices (the ones Modify moves)
  const selectedLineStyle = [new ol.style.Style({ stroke: new ol.style.Stroke({ color: '#e65100', width: 4 }) }),
    new ol.style.Style({ geometry: f => new ol.geom.MultiPoint(f.getGeometry().getCoordinates()),
      image: new ol.style.Circle({ radius: 4, fill: new ol.style.Fill({ color: '#fff' }), stroke: new ol.style.Stroke({ color: '#e65100', width: 2 }) }) })];
  const findingStyle = new ol.style.Style({ stroke: new ol.style.Stroke({ color: '#c62828', width: 3 }), fill: new ol.style.Fill({ color: 'rgba(198,40,40,0.35)' }),
    image: new ol.style.Circle({ radius: 6, fill: new ol.style.Fill({ color: '#c62828' }) }) });
  const editable = new ol.Collection();
  const modify = new ol.interaction.Modify({ features: editable });
  modify.setActive(false);
  map.addInteraction(modify);

  // The edit layer holds only the lines in view (and a quarter view each side), at full stored precision, asked for by
  // bbox again when the view leaves the loaded box. The server refuses a view whose lines hold too many vertices (422,
  // its limit in the answer): the page then asks to zoom in. The selected line is always kept as it is on the page
  // (with its local edits and the version it started from), in or out of view.
  let linesRound = 0;
  viewer.linesPending = 0;
  async function loadLines(force) {
    const level = viewer.levels[viewer.levels.length - 1];
    const view = map.getView().calculateExtent(map.getSize());
    const wanted = ol.extent.buffer(view, Math.max(ol.extent.getWidth(view), ol.extent.getHeight(view)) / 4);
    // a pan within the loaded box asks nothing; a zoom in far enough that the box is much larger than the view asks again
    if (!force && viewer.linesLayer && viewer.linesExtent && ol.extent.containsExtent(viewer.linesExtent, view)
      && ol.extent.getArea(viewer.linesExtent) <= 4 * ol.extent.getArea(wanted)) return;
    const bbox = ol.proj.transformExtent(wanted, 'EPSG:3857', 'EPSG:4326').map(v => v.toFixed(6));
    if (!viewer.linesLayer) {
      viewer.linesLayer = new ol.layer.Vector({ source: new ol.source.Vector(), zIndex: 20, style: f => f === viewer.selectedLine ? selectedLineStyle : lineStyle });
      map.addLayer(viewer.linesLayer);
      renderLayerSwitches();
    }
    const round = ++linesRound;
    viewer.linesPending++;
    try {
      const features = [];
      let url = '../api/v1/lines?level=' + level + '&bbox=' + bbox.join(',');
      let r = null;
      while (url) {
        r = await getJson(url);
        if (!r.ok) break;
        features.push(...format.readFeatures(r.json));
        const next = (r.json.links || []).find(x => x.rel === 'next');
        url = next ? next.href : null;
      }
      if (round !== linesRound || !viewer.linesLayer) return; // the view moved on, or edit mode was switched off
      const source = viewer.linesLayer.getSource();
      const selected = viewer.selectedLine;
      source.clear(true);
      const note = $('edit-lines-note');
      if (r.ok) {
        // the selected line stays the page's own copy (moved vertices, base version)
        source.addFeatures(selected ? features.filter(f => f.get('id') !== selected.get('id')) : features);
        viewer.linesExtent = wanted;
        viewer.linesRefused = null;
        note.className = 'note';
        note.textContent = t('linesInView') + ': ' + features.length;
      } else {
        viewer.linesExtent = null;
        viewer.linesRefused = r.json;
        note.className = 'note error';
        note.textContent = r.json.detail || r.json.title || String(r.status);
      }
      if (selected) source.addFeature(selected);
      viewer.linesBbox = bbox.map(Number);
      viewer.linesRounds = (viewer.linesRounds || 0) + 1;
    } catch (err) {
      viewer.error = String(err);
    } finally {
      viewer.linesPending--;
    }
  }
  map.on('moveend', () => { if (viewer.linesLayer) loadLines(false); });

  function pickLine(pixel) {
    if (!viewer.linesLayer) return false;
    const hit = map.forEachFeatureAtPixel(pixel, f => f, { layerFilter: l => l === viewer.linesLayer, hitTolerance: 5 });
    if (!hit) return false;
    selectLine(hit);
    return true;
  }

  function selectLine(feature) {
    viewer.selectedLine = feature;
    editable.clear();
    editable.push(feature);
    modify.setActive(true);
    const p = feature.getProperties();
    $('edit-line').textContent = '#' + p.id + ' ' + (p.left_name || t('outsideSide')) + ' | ' + (p.right_name || t('outsideSide'));
    $('edit-save').disabled = false;
    viewer.linesLayer.changed();
  }
  viewer.selectLine = id => { const f = viewer.linesLayer.getSource().getFeatures().find(x => x.get('id') === id); if (f) selectLine(f); return !!f; };

  $('edit-mode').onchange = async e => {
    if (e.target.checked) await loadLines(true);
    else if (viewer.linesLayer) {
      map.removeLayer(viewer.linesLayer); viewer.linesLayer = null; viewer.linesExtent = null; viewer.selectedLine = null; editable.clear();
      modify.setActive(false); $('edit-save').disabled = true; $('edit-lines-note').textContent = ''; renderLayerSwitches();
    }
  };

  $('edit-save').onclick = async () => {
    const f = viewer.selectedLine;
    if (!f) return;
    const coordinates = f.getGeometry().getCoordinates().map(c => ol.proj.toLonLat(c));
    const body = { level: f.get('level'), base_version: f.get('version'), coordinates, author: $('edit-author').value, reason: $('edit-reason').value };
    const r = await getJson('../api/v1/lines/' + f.get('id') + '/edit', {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept-Language': lang }, body: JSON.stringify(body) });
    viewer.lastEdit = r;
    const out = $('edit-result');
    if (r.ok) {
      out.className = 'note ok';
      out.textContent = t('saved') + ' ' + r.json.change_id;
      await reloadAll();
    } else if (r.status === 409) {
      out.className = 'note error';
      out.textContent = t('conflict');
    } else if (r.status === 422) {
      out.className = 'note error';
      out.textContent = t('blocked') + ': ' + r.json.findings.map(x => x.code + ' ' + x.divisions.join('/')).join('; ');
      showFindings(r.json.findings);
    } else {
      out.className = 'note error';
      out.textContent = r.json.detail || r.json.title || String(r.status);
    }
  };

  function showFindings(findings) {
    const source = new ol.source.Vector({ features: findings.map(x => new ol.Feature({ geometry: format.readGeometry(x.location), code: x.code })) });
    if (viewer.findingsLayer) map.removeLayer(viewer.findingsLayer);
    viewer.findingsLayer = new ol.layer.Vector({ source, zIndex: 30, style: findingStyle });
    map.addLayer(viewer.findingsLayer);
    renderLayerSwitches();
  }

  async function reloadAll() {
    // every division again (a split or merge changes the list), simplified for the opening zoom; then the view's detail
    for (const level of viewer.levels) {
      const page = (await getJson(itemsUrl(level, viewer.openingZoom))).json;
      const source = viewer.layers[level].getSource();
      source.clear();
      source.addFeatures(readAtZoom(page, viewer.openingZoom));
    }
    await loadDetail();
    viewer.selectedLine = null;
    editable.clear();
    modify.setActive(false);
    $('edit-save').disabled = true;
    if ($('edit-mode').checked) await loadLines(true);
  }
  viewer.reloadAll = reloadAll;
  viewer.renderLayerSwitches = () => renderLayerSwitches();
  viewer.renderLegend = () => renderLegend();

  $('date-slider').oninput = e => setDateIndex(Number(e.target.value));

  applyLanguage();
  const triStyle = new ol.style.Style({ image: new ol.style.RegularShape({ points: 3, radius: 6, fill: new ol.style.Fill({ color: '#37474f' }), stroke: new ol.style.Stroke({ color: '#fff', width: 1 }) }) });
  async function loadChecks() {
    const lowest = viewer.levels[viewer.levels.length - 1];
    const tri = (await getJson('../api/v1/trijunctions?level=' + lowest)).json;
    viewer.triLayer = new ol.layer.Vector({ source: new ol.source.Vector({ features: format.readFeatures(tri) }), zIndex: 25, style: triStyle, visible: false });
    map.addLayer(viewer.triLayer);
    const checks = (await getJson('../api/v1/findings')).json;
    viewer.findingCount = checks.findings.length;
    showFindings(checks.findings);
    viewer.triCount = viewer.triLayer.getSource().getFeatures().length;
  }

  // measuring: draw a line, its ellipsoid-free spherical length (ol.sphere) is shown while drawing
  const measureLayer = new ol.layer.Vector({ source: new ol.source.Vector(), zIndex: 60,
    style: new ol.style.Style({ stroke: new ol.style.Stroke({ color: '#004d40', width: 2, lineDash: [6, 4] }) }) });
  map.addLayer(measureLayer);
  let measure = null;
  $('measure').onclick = () => {
    if (measure) { map.removeInteraction(measure); measure = null; $('measure-result').textContent = ''; measureLayer.getSource().clear(); return; }
    measure = new ol.interaction.Draw({ source: measureLayer.getSource(), type: 'LineString' });
    measure.on('drawstart', e => {
      measureLayer.getSource().clear();
      e.feature.getGeometry().on('change', g => {
        const m = ol.sphere.getLength(g.target);
        $('measure-result').textContent = m >= 1000 ? (m / 1000).toFixed(2) + ' km' : m.toFixed(1) + ' m';
      });
    });
    map.addInteraction(measure);
  };

  // The map is ready once the divisions are drawn; tri-junctions and findings (a full check) arrive afterwards.
  // viewer.openedAt: milliseconds from navigation until the divisions were first drawn (docs/benchmarks.md)
  loadLevels().then(() => window.boundariesAccess && window.boundariesAccess.firstCheck).then(() => {
    setDateIndex(viewer.dates.length);
    applyLanguage();
    viewer.ready = true;
    return viewer.whenSettled();
  }).then(at => {
    viewer.openedAt = at;
    viewer.opened = true;
    // the checks (a full validation on the server) only after the divisions are on screen
    return loadChecks();
  }).then(() => {
    renderLayerSwitches();
    viewer.checksReady = true;
  }).catch(err => { viewer.error = String(err); console.error(err); });
})();
