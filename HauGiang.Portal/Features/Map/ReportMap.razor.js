// The live report map: clustered circle markers drawn on canvas, coloured by state, overdue ones ringed in red.
// Data comes as GeoJSON from /api/map/reports (authorized, scoped, filtered by the page's URL), never through the circuit.
import { loadMarkerCluster } from '/js/leaflet-loader.js';

const STATE_COLOURS = ['#1e88e5', '#3949ab', '#43a047', '#78909c', '#424242']; // New, InProgress, Resolved, Closed, Rejected
const MAX_ZOOM = 18;

export async function create(element, dotnet, options) {
  const L = await loadMarkerCluster();
  // The map's own maxZoom: markercluster needs one even with no tile layer (offline), and street level (18) is enough.
  const map = L.map(element, { preferCanvas: true, zoomControl: true, maxZoom: MAX_ZOOM }).setView([options.lat, options.lon], options.zoom);
  if (options.tileUrl) {
    L.tileLayer(options.tileUrl, { attribution: options.attribution || '', maxZoom: MAX_ZOOM }).addTo(map);
  }
  const renderer = L.canvas({ padding: 0.5 });
  let chunksDone = null;
  const clusters = L.markerClusterGroup({
    chunkedLoading: true,
    chunkProgress: (processed, total) => { if (processed >= total && chunksDone) { const done = chunksDone; chunksDone = null; done(); } },
    chunkInterval: 100,
    // Yield to the browser between chunks, but do not sit idle: the default 50 ms pause left it idle a third of the time.
    chunkDelay: 0,
    // From zoom 17 (a few streets) every point is drawn on its own (canvas). The top cluster levels, where points are
    // still apart, were the costliest to build: at 50,000 points this cuts the clustering time by about a third.
    disableClusteringAtZoom: 17,
    showCoverageOnHover: false,
    maxClusterRadius: 50,
    iconCreateFunction: cluster => {
      const markers = cluster.getAllChildMarkers();
      let overdue = 0;
      for (const m of markers) if (m.feature.properties.o) overdue++;
      const n = cluster.getChildCount();
      const size = n < 100 ? 34 : n < 1000 ? 40 : 48;
      // The cluster stays blue; the overdue ones in it show as a red badge, so a glance finds the late work.
      return L.divIcon({
        html: `<div><span>${n}</span></div>` + (overdue ? `<b class="hg-cluster-badge" title="overdue">${overdue}</b>` : ''),
        className: 'marker-cluster hg-cluster',
        iconSize: L.point(size, size),
      });
    },
  });
  map.addLayer(clusters);
  // One click handler for every point (events bubble from the markers to the group), not one listener per marker.
  clusters.on('click', e => {
    const f = e.layer && e.layer.feature;
    if (f) dotnet.invokeMethodAsync('Select', f.properties.id).catch(() => {});
  });
  const areas = L.layerGroup().addTo(map);
  const byId = new Map();
  let dataUrl = null;
  let idle = true;

  function markerFor(feature) {
    const [lon, lat] = feature.geometry.coordinates;
    const p = feature.properties;
    const marker = L.circleMarker([lat, lon], {
      renderer,
      radius: 7,
      color: p.o ? '#c62828' : '#ffffff',
      weight: p.o ? 3 : 1.5,
      fillColor: STATE_COLOURS[p.s] || '#607d8b',
      fillOpacity: 0.9,
    });
    marker.feature = feature;
    return marker;
  }

  async function load(url) {
    idle = false;
    element.dataset.idle = 'false';
    const response = await fetch(url, { credentials: 'same-origin' });
    if (!response.ok) throw new Error('Map data: HTTP ' + response.status);
    const data = await response.json();
    clusters.clearLayers();
    byId.clear();
    const markers = data.features.map(f => {
      const m = markerFor(f);
      byId.set(f.properties.id, m);
      return m;
    });
    await new Promise(resolve => {
      chunksDone = resolve;
      clusters.addLayers(markers);
      if (markers.length === 0 && chunksDone) { chunksDone = null; resolve(); }
    });
    idle = true;
    element.dataset.idle = 'true';
    element.dataset.count = String(byId.size);
    return byId.size;
  }

  return {
    async setData(url) {
      dataUrl = url;
      return await load(url);
    },
    // One report changed: fetch just that one (still through the filtered, scoped endpoint) and add, recolour or remove it.
    async refresh(id) {
      if (!dataUrl) return;
      const sep = dataUrl.includes('?') ? '&' : '?';
      const response = await fetch(`${dataUrl}${sep}id=${id}`, { credentials: 'same-origin' });
      if (!response.ok) return;
      const data = await response.json();
      const old = byId.get(id);
      if (old) { clusters.removeLayer(old); byId.delete(id); }
      for (const f of data.features) {
        const m = markerFor(f);
        byId.set(id, m);
        clusters.addLayer(m);
        if (m.getElement) { /* canvas markers have no element */ }
      }
      element.dataset.count = String(byId.size);
      element.dataset.lastChange = String(id);
    },
    setAreas(list) {
      areas.clearLayers();
      for (const a of list) {
        if (a.boundary) {
          L.geoJSON(JSON.parse(a.boundary), { style: { color: '#0d47a1', weight: 1, fillOpacity: 0.03 } }).addTo(areas);
        }
        L.circleMarker([a.lat, a.lon], { radius: 3, color: '#0d47a1', weight: 1, fillOpacity: 0.6, interactive: false })
          .bindTooltip(a.name, { permanent: false, direction: 'top' }).addTo(areas);
      }
    },
    focus(lat, lon, zoom) { map.setView([lat, lon], zoom); },
    isIdle() { return idle; },
    count() { return byId.size; },
    dispose() { map.remove(); byId.clear(); },
  };
}
