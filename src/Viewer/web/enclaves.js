// The enclave workflow: findings by class on the map with a legend, a list, a finding's options with their scores,
// a preview of the accepted option (changed divisions before/after) and apply with an effective date, author and reason.
(function () {
  'use strict';
  const viewer = window.viewer;
  const $ = id => document.getElementById(id);
  const t = viewer.t;
  viewer.addText({
    enclaves: '飞地', enclaveMode: '显示飞地并处理', enclaveApply: '按生效日期应用', enclaveLayer: '飞地',
    'exclave': '飞地（多邻）', 'enclave': '飞地（内嵌）', 'counter-enclave': '反飞地', 'semi-enclave': '半飞地', 'practical-neck': '实际飞地（狭颈）',
    'practical-access': '实际飞地（通达）', 'management': '管理飞地', 'surrounded': '被包围区划',
    Keep: '保持现状', TransferToHost: '划入主要相邻区划', TransferToNeighbour: '划入其他相邻区划', Corridor: '走廊连接', Swap: '互换', TransferZone: '区域划入相邻区划', WidenNeck: '拓宽狭颈', Merge: '并入包围区划', preview: '预览', cost: '代价', areaMoved: '划转面积',
    boundaryChange: '界线长度变化', planAll: '全部求解方案', newBoundary: '新增界线', before: '调整前', after: '调整后', applied: '已保存新版本', noEnclaves: '无飞地',
    swapWith: '与飞地互换', swapBoth: '互换须两处同时执行，已一并纳入：飞地', markersMoved: '需迁移界桩'
  }, {
    enclaves: 'Enclaves', enclaveMode: 'show enclaves and resolve them', enclaveApply: 'Apply from the effective date', enclaveLayer: 'Enclaves',
    'exclave': 'exclave', 'enclave': 'enclave', 'counter-enclave': 'counter-enclave', 'semi-enclave': 'semi-enclave', 'practical-neck': 'practical (neck)',
    'practical-access': 'practical (access)', 'management': 'management', 'surrounded': 'surrounded division',
    Keep: 'keep as it is', TransferToHost: 'transfer to the main host', TransferToNeighbour: 'transfer to another neighbour', Corridor: 'join by a corridor', Swap: 'swap', TransferZone: 'transfer the zone', WidenNeck: 'widen the neck', Merge: 'merge into the surrounding division', preview: 'Preview', cost: 'cost', areaMoved: 'area moved',
    boundaryChange: 'boundary length change', planAll: 'Plan all (solver)', newBoundary: 'new boundary', before: 'before', after: 'after', applied: 'saved as a new version', noEnclaves: 'no enclaves',
    swapWith: 'swapped with finding', swapBoth: 'a swap is applied whole, both halves included: findings', markersMoved: 'markers to move'
  });
  const CLASS_COLOUR = {
    'exclave': '#6a1b9a', 'enclave': '#d81b60', 'counter-enclave': '#f57c00', 'semi-enclave': '#1e88e5', 'practical-neck': '#00897b',
    'practical-access': '#43a047', 'management': '#795548', 'surrounded': '#fdd835'
  };
  const styles = {};
  function enclaveStyle(feature) {
    const c = feature.get('class');
    const selected = viewer.enclaveSelected === feature.get('index');
    const key = c + selected;
    if (!styles[key]) {
      styles[key] = new ol.style.Style({
        fill: new ol.style.Fill({ color: (CLASS_COLOUR[c] || '#000') + (selected ? 'cc' : '88') }),
        stroke: new ol.style.Stroke({ color: selected ? '#000' : CLASS_COLOUR[c] || '#000', width: selected ? 3 : 2 }),
        zIndex: selected ? 5 : 1
      });
    }
    return styles[key];
  }
  const previewStyle = {
    before: new ol.style.Style({ stroke: new ol.style.Stroke({ color: '#455a64', width: 3, lineDash: [8, 6] }) }),
    after: new ol.style.Style({ stroke: new ol.style.Stroke({ color: '#2e7d32', width: 3 }), fill: new ol.style.Fill({ color: 'rgba(46,125,50,0.25)' }) })
  };
  let level = null;
  let version = null;
  let choice = null;
  let markersScored = 0;

  // "markers to move N" with the ids on hover; nothing when the source has no markers to score
  function markersSpan(moved) {
    const span = document.createElement('span');
    span.className = 'markers-moved';
    span.dataset.count = String(moved.count);
    span.dataset.ids = moved.ids.join(',');
    span.title = moved.ids.join(', ');
    span.textContent = t('markersMoved') + ' ' + moved.count + (moved.count ? ': ' + moved.ids.join(', ') : '');
    return span;
  }

  function addExtra(id, layer, label) {
    viewer.extraLayers = (viewer.extraLayers || []).filter(x => x.id !== id);
    viewer.extraLayers.push({ id, layer, label });
    viewer.renderLayerSwitches();
  }
  function removeExtra(id) {
    const old = (viewer.extraLayers || []).find(x => x.id === id);
    if (old) viewer.map.removeLayer(old.layer);
    viewer.extraLayers = (viewer.extraLayers || []).filter(x => x.id !== id);
  }

  async function loadEnclaves() {
    level = viewer.levels[viewer.levels.length - 1];
    const r = await viewer.getJson('../api/v1/enclaves?level=' + level);
    if (!r.ok) { $('enclave-result').className = 'note error'; $('enclave-result').textContent = r.json.detail || r.json.title; return; }
    version = r.json.version;
    markersScored = r.json.markers || 0;
    removeExtra('enclaves');
    const source = new ol.source.Vector({ features: viewer.format.readFeatures(r.json) });
    viewer.enclaveLayer = new ol.layer.Vector({ source, zIndex: 35, style: enclaveStyle });
    viewer.map.addLayer(viewer.enclaveLayer);
    addExtra('enclaves', viewer.enclaveLayer, 'enclaveLayer');
    viewer.enclaveCount = source.getFeatures().length;
    renderLegend(source.getFeatures());
    renderList(source.getFeatures());
    viewer.enclavesReady = true;
  }

  function renderLegend(features) {
    const box = $('enclave-legend');
    box.innerHTML = '';
    const counts = {};
    features.forEach(f => { counts[f.get('class')] = (counts[f.get('class')] || 0) + 1; });
    for (const c of Object.keys(CLASS_COLOUR).filter(k => counts[k])) {
      const row = document.createElement('div');
      row.className = 'legend-row enclave-class-' + c;
      row.dataset.count = String(counts[c]);
      const sw = document.createElement('span');
      sw.className = 'swatch';
      sw.style.borderColor = CLASS_COLOUR[c];
      sw.style.background = CLASS_COLOUR[c] + '88';
      row.append(sw, document.createTextNode(t(c) + ' (' + counts[c] + ')'));
      box.append(row);
    }
    if (!features.length) box.textContent = t('noEnclaves');
  }

  function renderList(features) {
    const list = $('enclave-list');
    list.innerHTML = '';
    for (const f of features.slice().sort((a, b) => a.get('index') - b.get('index'))) {
      const li = document.createElement('li');
      li.dataset.index = String(f.get('index'));
      li.textContent = t(f.get('class')) + ' ' + f.get('owner') + ' → ' + (f.get('hosts') || []).join(', ') + ' · ' + Math.round(f.get('area_m2')) + ' m²';
      li.onclick = () => selectFinding(f.get('index'));
      list.append(li);
    }
  }

  async function selectFinding(index) {
    viewer.enclaveSelected = index;
    choice = null;
    $('enclave-apply-box').hidden = true;
    document.querySelectorAll('#enclave-list li').forEach(li => li.classList.toggle('selected', li.dataset.index === String(index)));
    const feature = viewer.enclaveLayer.getSource().getFeatures().find(f => f.get('index') === index);
    viewer.enclaveLayer.changed();
    if (feature) viewer.map.getView().fit(ol.extent.buffer(feature.getGeometry().getExtent(), 800), { duration: 0 });
    const r = await viewer.getJson('../api/v1/enclaves/' + index + '/options?level=' + level);
    const box = $('enclave-options');
    box.innerHTML = '';
    for (const o of r.json.options) {
      const row = document.createElement('div');
      row.className = 'option-row';
      row.dataset.option = String(o.option);
      row.dataset.kind = o.kind;
      row.innerHTML = '<b>' + viewer.escapeHtml(t(o.kind)) + '</b> ' + viewer.escapeHtml(o.from + (o.to ? ' → ' + o.to : ''))
        + (o.partner != null ? ' (' + viewer.escapeHtml(t('swapWith') + ' ' + o.partner) + ')' : '') + '<br>'
        + t('cost') + ' ' + o.cost.toFixed(3) + ' · ' + t('areaMoved') + ' ' + Math.round(o.area_m2) + ' m² · ' + t('boundaryChange') + ' '
        + Math.round(o.boundary_change_m) + ' m · ' + t('newBoundary') + ' ' + Math.round(o.new_boundary_m) + ' m';
      if (markersScored) row.append(document.createTextNode(' · '), markersSpan(o.markers_moved));
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'option-preview';
      button.dataset.needs = 'edit';
      button.textContent = t('preview');
      button.onclick = () => preview(index, o.option);
      row.append(button);
      box.append(row);
    }
    viewer.enclaveOptions = r.json.options;
  }
  viewer.selectEnclave = selectFinding;

  // finding null: the solver's plan for every finding (applied the same way: no choices sent)
  async function preview(finding, option) {
    choice = finding === null ? 'solver' : { finding, option };
    const r = await viewer.getJson('../api/v1/enclaves/plan', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(choice === 'solver' ? { level } : { level, choices: [choice] }) });
    removeExtra('enclave-before');
    removeExtra('enclave-after');
    if (!r.ok) { $('enclave-result').className = 'note error'; $('enclave-result').textContent = r.json.detail || r.json.title; return; }
    const before = new ol.layer.Vector({ source: new ol.source.Vector({ features: viewer.format.readFeatures(r.json.before) }), zIndex: 41, style: previewStyle.before });
    const after = new ol.layer.Vector({ source: new ol.source.Vector({ features: viewer.format.readFeatures(r.json.after) }), zIndex: 40, style: previewStyle.after });
    viewer.map.addLayer(after);
    viewer.map.addLayer(before);
    addExtra('enclave-after', after, 'after');
    addExtra('enclave-before', before, 'before');
    viewer.enclavePreview = r.json;
    $('enclave-apply-box').hidden = Object.keys(r.json.after.features).length === 0;
    // a swap half brings its partner's half: say so, the official chose one finding and both change
    const partners = choice === 'solver' ? [] : r.json.choices.filter(c => c.finding !== finding && c.kind === 'Swap').map(c => c.finding);
    viewer.enclaveSwapPartners = partners;
    $('enclave-result').className = 'note';
    $('enclave-result').textContent = (partners.length ? t('swapBoth') + ' ' + [finding].concat(partners).join(' ⇄ ') + ' · ' : '')
      + r.json.after.features.map(f => f.properties.code).join(', ');
    if (markersScored) $('enclave-result').append(document.createTextNode(' · '), markersSpan(r.json.markers_moved));
  }

  $('enclave-apply').onclick = async () => {
    if (!choice) return;
    viewer.enclavesReady = false;
    const body = { level, choices: choice === 'solver' ? [] : [choice], base_version: version, effective_date: $('enclave-date').value.trim(),
      author: $('enclave-author').value, reason: $('enclave-reason').value };
    const r = await viewer.getJson('../api/v1/enclaves/apply', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    viewer.lastEnclaveApply = r;
    const out = $('enclave-result');
    if (!r.ok) {
      viewer.enclavesReady = true;
      out.className = 'note error';
      out.textContent = r.status === 422 ? r.json.findings.map(x => x.code + ' ' + x.divisions.join('/')).join('; ') : (r.json.detail || r.json.title || String(r.status));
      return;
    }
    out.className = 'note ok';
    out.textContent = t('applied') + ' ' + r.json.id;
    if (markersScored) out.append(document.createTextNode(' · '), markersSpan(r.json.markers_moved));
    removeExtra('enclave-before');
    removeExtra('enclave-after');
    $('enclave-options').innerHTML = '';
    $('enclave-apply-box').hidden = true;
    viewer.enclaveSelected = null;
    await viewer.reloadAll();
    await loadEnclaves();
  };

  $('enclave-plan-all').onclick = () => { if (level) preview(null, null); };

  $('enclave-mode').onchange = async e => {
    if (e.target.checked) { viewer.enclavesReady = false; await loadEnclaves(); return; }
    ['enclaves', 'enclave-before', 'enclave-after'].forEach(removeExtra);
    $('enclave-list').innerHTML = '';
    $('enclave-options').innerHTML = '';
    $('enclave-legend').innerHTML = '';
    viewer.renderLayerSwitches();
  };
})();
