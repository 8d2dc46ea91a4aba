// Splitting a division along a drawn line (from one boundary vertex to another, snapped to the vertices) and merging
// two: the server keeps the coverage exact, re-validates and saves a draft change with author and reason.
(function () {
  'use strict';
  const viewer = window.viewer;
  const $ = id => document.getElementById(id);
  const t = viewer.t;
  viewer.addText({
    splitMerge: '拆分与合并', splitHint: '先点击选择区划', splitDraw: '画拆分线', newCode: '新代码', newName: '新名称', splitSave: '拆分',
    mergeOther: '并入的区划代码', mergeSave: '合并', surgerySaved: '已保存草稿', splitLineReady: '拆分线已画好'
  }, {
    splitMerge: 'Split and merge', splitHint: 'click a division first', splitDraw: 'Draw split line', newCode: 'new code', newName: 'new name', splitSave: 'Split',
    mergeOther: 'code of the division to merge in', mergeSave: 'Merge', surgerySaved: 'saved as draft', splitLineReady: 'split line drawn'
  });
  const layer = new ol.layer.Vector({ source: new ol.source.Vector(), zIndex: 55,
    style: new ol.style.Style({ stroke: new ol.style.Stroke({ color: '#d500f9', width: 3, lineDash: [10, 5] }) }) });
  viewer.map.addLayer(layer);
  let draw = null;
  let snap = null;

  viewer.onSelect = feature => {
    $('split-target').textContent = feature.get('level') + ' ' + feature.get('name') + ' ' + feature.get('code');
    $('split-save').disabled = !viewer.splitLine;
  };

  function setSplitLine(lonLats) {
    viewer.splitLine = lonLats;
    layer.getSource().clear();
    layer.getSource().addFeature(new ol.Feature(new ol.geom.LineString(lonLats.map(c => ol.proj.fromLonLat(c)))));
    $('split-save').disabled = !viewer.selected;
    $('surgery-result').className = 'note';
    $('surgery-result').textContent = t('splitLineReady');
  }
  viewer.setSplitLine = setSplitLine;

  $('split-draw').onclick = () => {
    if (draw) { viewer.map.removeInteraction(draw); viewer.map.removeInteraction(snap); draw = null; return; }
    const lowest = viewer.layers[viewer.levels[viewer.levels.length - 1]];
    draw = new ol.interaction.Draw({ source: new ol.source.Vector(), type: 'LineString' });
    snap = new ol.interaction.Snap({ source: lowest.getSource(), vertex: true, edge: false });
    draw.on('drawend', e => {
      setSplitLine(e.feature.getGeometry().getCoordinates().map(c => ol.proj.toLonLat(c)));
      viewer.map.removeInteraction(draw); viewer.map.removeInteraction(snap); draw = null;
    });
    viewer.map.addInteraction(draw);
    viewer.map.addInteraction(snap);
  };

  async function send(kind, body) {
    const version = (await viewer.getJson('../api/v1/version')).json.version;
    const r = await viewer.getJson('../api/v1/divisions/' + kind, { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(Object.assign({ base_version: version, author: $('surgery-author').value, reason: $('surgery-reason').value }, body)) });
    viewer.lastSurgery = r;
    const out = $('surgery-result');
    if (r.ok) {
      out.className = 'note ok';
      out.textContent = t('surgerySaved') + ' ' + r.json.id + ': ' + r.json.detail;
      layer.getSource().clear();
      viewer.splitLine = null;
      $('split-save').disabled = true;
      await viewer.reloadAll();
      viewer.surgeryDone = (viewer.surgeryDone || 0) + 1;
    } else {
      out.className = 'note error';
      out.textContent = r.status === 422 ? r.json.findings.map(x => x.code + ' ' + x.divisions.join('/') + ': ' + x.message).join('; ') : (r.json.detail || r.json.title || String(r.status));
    }
  }

  $('split-save').onclick = () => {
    const f = viewer.selected;
    if (!f || !viewer.splitLine) return;
    send('split', { level: f.get('level'), code: f.get('code'), line: viewer.splitLine, new_code: $('split-code').value.trim(), new_name: $('split-name').value.trim() });
  };
  $('merge-save').onclick = () => {
    const f = viewer.selected;
    if (!f) return;
    send('merge', { level: f.get('level'), code: f.get('code'), other: $('merge-other').value.trim() });
  };
})();
