// The survey dashboard: boundary lines coloured by survey status, markers and GNSS track points as layers, per district
// and city the share of boundary length field-verified (with bars), lines still to walk (click zooms), markers out of
// tolerance, and the upload of a survey file.
(function () {
  'use strict';
  const viewer = window.viewer;
  const $ = id => document.getElementById(id);
  const t = viewer.t;
  viewer.addText({
    survey: '勘界进度', linesToWalk: '待踏勘界线', markersOut: '超限界桩', upload: '上传测量文件', noSurvey: '无外业测量数据',
    'map-agreed': '界线（图上协商）', 'field-verified': '界线（实地核实）', 'out-of-tolerance': '界线（界桩超限）', surveyLines: '勘界界线',
    surveyMarkers: '界桩', surveyTrack: 'GNSS 轨迹点', city: '全市', share: '已核实', outOfTolerance: '超限', imported: '已导入',
    rejected: '被拒绝', trackPoints: '轨迹点'
  }, {
    survey: 'Survey progress', linesToWalk: 'Lines still to walk', markersOut: 'Markers out of tolerance', upload: 'Upload a survey file', noSurvey: 'no field survey',
    'map-agreed': 'line (map-agreed)', 'field-verified': 'line (field-verified)', 'out-of-tolerance': 'line (marker out of tolerance)', surveyLines: 'Surveyed lines',
    surveyMarkers: 'Markers', surveyTrack: 'GNSS track points', city: 'City', share: 'verified', outOfTolerance: 'out of tolerance', imported: 'imported',
    rejected: 'rejected', trackPoints: 'track points'
  });
  const STATUS_COLOUR = { 'map-agreed': '#0b6e99', 'field-verified': '#2e7d32', 'out-of-tolerance': '#c62828' };
  const lineStyles = {};
  const lineStyle = f => {
    const s = f.get('survey_status');
    return lineStyles[s] || (lineStyles[s] = new ol.style.Style({ stroke: new ol.style.Stroke({ color: STATUS_COLOUR[s] || '#000', width: s === 'map-agreed' ? 2 : 3 }), zIndex: s === 'map-agreed' ? 0 : 1 }));
  };
  const markerStyles = {
    true: new ol.style.Style({ image: new ol.style.RegularShape({ points: 4, radius: 5, angle: Math.PI / 4, fill: new ol.style.Fill({ color: '#2e7d32' }), stroke: new ol.style.Stroke({ color: '#fff', width: 1 }) }) }),
    false: new ol.style.Style({ image: new ol.style.RegularShape({ points: 4, radius: 7, angle: Math.PI / 4, fill: new ol.style.Fill({ color: '#c62828' }), stroke: new ol.style.Stroke({ color: '#fff', width: 1 }) }), zIndex: 2 })
  };
  const trackStyle = new ol.style.Style({ image: new ol.style.Circle({ radius: 1.5, fill: new ol.style.Fill({ color: 'rgba(80,80,80,0.6)' }) }) });

  function setLayer(id, layer, label) {
    const old = (viewer.extraLayers || []).find(x => x.id === id);
    if (old) viewer.map.removeLayer(old.layer);
    viewer.extraLayers = (viewer.extraLayers || []).filter(x => x.id !== id);
    viewer.map.addLayer(layer);
    viewer.extraLayers.push({ id, layer, label });
  }

  async function layer(url, zIndex, style, visible) {
    const r = await viewer.getJson(url);
    return new ol.layer.Vector({ source: new ol.source.Vector({ features: viewer.format.readFeatures(r.json) }), zIndex, style, visible });
  }

  const percent = x => (x * 100).toFixed(1) + '%';

  function row(name, total) {
    const tr = document.createElement('tr');
    tr.className = 'survey-total';
    tr.dataset.code = total.code || 'city';
    tr.dataset.share = String(total.share);
    tr.innerHTML = '<td>' + viewer.escapeHtml(name) + '</td><td>' + percent(total.share) + '</td><td><span class="bar" style="width:' + Math.round(total.share * 60) + 'px"></span></td>'
      + '<td>' + (total.markers_out_of_tolerance ? '<span class="error">' + total.markers_out_of_tolerance + '</span>' : '0') + '</td>';
    return tr;
  }

  function renderDashboard(d) {
    const box = $('survey-dashboard');
    box.innerHTML = '';
    const table = document.createElement('table');
    table.innerHTML = '<tr><th></th><th>' + t('share') + '</th><th></th><th>' + t('outOfTolerance') + '</th></tr>';
    table.append(row(t('city'), d.city));
    d.districts.forEach(x => table.append(row((x.name || '') + ' ' + x.code, x)));
    box.append(table);
    const walk = $('survey-walk');
    walk.innerHTML = '';
    for (const l of d.lines_to_walk) {
      const li = document.createElement('li');
      li.dataset.id = String(l.id);
      li.textContent = l.code + ' ' + (l.left_name || '') + ' | ' + (l.right_name || '') + ' · ' + percent(l.share) + ' / ' + Math.round(l.length_m) + ' m';
      li.onclick = () => {
        viewer.map.getView().fit(ol.proj.transformExtent(l.bbox, 'EPSG:4326', 'EPSG:3857'), { padding: [40, 40, 40, 40], duration: 0 });
        viewer.walkZoomed = l.id;
      };
      walk.append(li);
    }
    const out = $('survey-out');
    out.innerHTML = '';
    for (const m of d.markers_out_of_tolerance) {
      const li = document.createElement('li');
      li.textContent = m.id + ' · ' + (m.line || '') + ' · ' + (m.distance_m != null ? m.distance_m.toFixed(2) + ' m' : '');
      out.append(li);
    }
  }

  async function loadSurvey() {
    const r = await viewer.getJson('../api/v1/survey');
    if (r.status === 404) { $('survey-dashboard').textContent = t('noSurvey'); viewer.surveyReady = true; return; }
    if (!r.ok) { $('survey-dashboard').textContent = r.json.detail || r.json.title; viewer.surveyReady = true; return; }
    viewer.survey = r.json;
    renderDashboard(r.json);
    const level = r.json.level;
    setLayer('survey-track', await layer('../api/v1/survey/track?level=' + level, 21, trackStyle, false), 'surveyTrack');
    setLayer('survey-lines', await layer('../api/v1/survey/lines?level=' + level, 22, lineStyle, true), 'surveyLines');
    setLayer('survey-markers', await layer('../api/v1/survey/markers?level=' + level, 23, f => markerStyles[f.get('within_tolerance') !== false], true), 'surveyMarkers');
    viewer.surveyLinesLayer = viewer.extraLayers.find(x => x.id === 'survey-lines').layer;
    viewer.extraLegend = Object.entries(STATUS_COLOUR).map(([status, colour]) => [colour, status]);
    viewer.renderLayerSwitches();
    viewer.renderLegend();
    viewer.surveyReady = true;
  }
  viewer.loadSurvey = loadSurvey;

  $('survey-upload').onclick = async () => {
    const file = $('survey-file').files[0];
    if (!file) return;
    viewer.surveyReady = false;
    const r = await viewer.getJson('../api/v1/survey/files?name=' + encodeURIComponent(file.name), { method: 'POST', body: file });
    const out = $('survey-upload-result');
    if (!r.ok) { out.className = 'note error'; out.textContent = r.json.detail || r.json.title; viewer.surveyReady = true; return; }
    const rejected = Object.entries(r.json.track_rejections || {}).map(([k, v]) => k + ' ' + v).join(', ');
    out.className = 'note ok';
    out.textContent = t('imported') + ': ' + r.json.track_points + ' ' + t('trackPoints') + (rejected ? '; ' + t('rejected') + ': ' + rejected : '');
    await loadSurvey();
  };

  // after the divisions are drawn (app.js sets ready)
  const start = () => (viewer.ready ? loadSurvey().catch(e => { viewer.error = String(e); }) : setTimeout(start, 200));
  start();
})();
