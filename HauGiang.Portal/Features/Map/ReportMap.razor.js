// The live report map: clustered circle markers drawn on canvas, coloured by state, overdue ones ringed in red.
// Data comes as GeoJSON from /api/map/reports (authorized, scoped, filtered by the page's URL), never through the circuit.
import { loadMarkerCluster } from '/js/leaflet-loader.js';

const STATE_COLOURS = ['#1e88e5', '#3949ab', '#43a047', '#78909c', '#424242']; // New, InProgress, Resolved, Closed, Rejected
const MAX_ZOOM = 18;

// The map boot() is starting on the prerendered page (a promise of it), waiting for its component to adopt it.
let booting = null;
const MAP_ELEMENT = '[data-testid=report-map][data-url]';

// On a full load of /map (App.razor runs this): draw the map from the prerendered element's data-url and data-view
// right away, while Blazor is still connecting; the component's create() then adopts this map instead of starting
// over, so the points show as soon as the page and its preloaded data have arrived.
export function boot() {
  const host = document.querySelector(MAP_ELEMENT);
  // Nothing to do twice, nor where the component already drew its map (a script run late, after an enhanced navigation).
  if (!host || booting || host.querySelector('.hg-map-canvas')) return;
  booting = create(host, null, JSON.parse(host.dataset.view)).then(api => {
    api.setData(host.dataset.url).catch(() => {});
    // Blazor replaces the prerendered element when the circuit starts: move the map into the new one at once (a
    // mutation observer runs before the browser paints), so that it does not blink until the component's create().
    const follow = () => {
      const now = document.querySelector(MAP_ELEMENT);
      if (now && now !== api.element()) api.adopt(now, null);
    };
    const observer = new MutationObserver(follow);
    observer.observe(document.body, { childList: true, subtree: true });
    follow(); // the circuit may have been quicker than Leaflet
    api.stopFollowing = () => observer.disconnect();
    return api;
  }, () => null);
}

export async function create(element, dotnet, options) {
  if (booting && dotnet) {
    const pending = booting;
    booting = null;
    const api = await pending;
    if (api) {
      api.stopFollowing();
      api.adopt(element, dotnet);
      return api;
    }
  }

  const L = await loadMarkerCluster();
  // Leaflet lives in a container of its own inside the component's element, so that it can move into the element
  // Blazor renders when the circuit starts (the prerendered one is replaced). Status attributes go on the element.
  const canvas = document.createElement('div');
  canvas.className = 'hg-map-canvas';
  element.appendChild(canvas);
  let host = element;
  let dotnetRef = dotnet;
  // The map's own maxZoom: markercluster needs one even with no tile layer (offline), and street level (18) is enough.
  const map = L.map(canvas, { preferCanvas: true, zoomControl: true, maxZoom: MAX_ZOOM }).setView([options.lat, options.lon], options.zoom);
  if (options.tileUrl) {
    L.tileLayer(options.tileUrl, { attribution: options.attribution || '', maxZoom: MAX_ZOOM }).addTo(map);
  }
  // The map's box changes size (a phone turned, the filter panel opened above it on a phone): Leaflet keeps the size
  // it measured, so it is told, or it would centre "Vị trí của tôi" and clusters on a box that no longer exists.
  const resized = new ResizeObserver(() => map.invalidateSize());
  resized.observe(canvas);
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
    if (f && dotnetRef) dotnetRef.invokeMethodAsync('Select', f.properties.id).catch(() => {});
  });
  const areas = L.layerGroup().addTo(map);
  const byId = new Map();
  let dataUrl = null;
  let loading = null;
  let idle = true;
  let here = null; // "Vị trí của tôi": the device's position and its accuracy
  let accuracy = null;

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
    host.dataset.idle = 'false';
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
    host.dataset.idle = 'true';
    host.dataset.count = String(byId.size);
    return byId.size;
  }

  return {
    // The same URL as the load under way (the booted map's) waits for it instead of fetching again.
    async setData(url) {
      if (url !== dataUrl || !loading) {
        dataUrl = url;
        loading = load(url);
      }
      return await loading;
    },
    // Moves the map into another element (the one Blazor rendered) and, given one, answers to that component.
    adopt(element, dotnet) {
      if (canvas.parentNode !== element) element.appendChild(canvas);
      if (element !== host) {
        if (host.dataset.idle) element.dataset.idle = host.dataset.idle;
        if (host.dataset.count) element.dataset.count = host.dataset.count;
        host = element;
      }
      if (dotnet) dotnetRef = dotnet;
      map.invalidateSize();
    },
    element() { return host; },
    // One report changed: fetch just that one (still through the filtered, scoped endpoint) and add, recolour or remove it.
    // Many reports changed at once: everything is fetched again.
    async reload() {
      if (!dataUrl) return 0;
      loading = load(dataUrl);
      return await loading;
    },
    // Changed reports, with their points as the server sends them (one GeoJSON collection per report; empty when
    // the report left this map's scope or filter).
    apply(ids, collections) {
      ids.forEach((id, i) => {
        const old = byId.get(id);
        if (old) { clusters.removeLayer(old); byId.delete(id); }
        for (const f of JSON.parse(collections[i]).features) {
          const m = markerFor(f);
          byId.set(id, m);
          clusters.addLayer(m);
        }
        host.dataset.lastChange = String(id);
      });
      host.dataset.count = String(byId.size);
    },
    // Areas are drawn on the points' own canvas, not interactive: a second canvas on top (the booted map gets its
    // areas after its points) would take every click meant for a point.
    setAreas(list) {
      areas.clearLayers();
      for (const a of list) {
        if (a.boundary) {
          L.geoJSON(JSON.parse(a.boundary), { style: { color: '#0d47a1', weight: 1, fillOpacity: 0.03 }, interactive: false, renderer }).addTo(areas);
        }
        L.circleMarker([a.lat, a.lon], { renderer, radius: 3, color: '#0d47a1', weight: 1, fillOpacity: 0.6, interactive: false })
          .bindTooltip(a.name, { permanent: false, direction: 'top' }).addTo(areas);
      }
    },
    focus(lat, lon, zoom) { map.setView([lat, lon], zoom); },
    // "Vị trí của tôi": the browser's position (it asks the user the first time), marked and centred. The answer is
    // "ok", "denied" or "unavailable" (no position within the time, or no geolocation here). The marker is an element,
    // not a canvas drawing, so that it stays above the points and can be found.
    locate(zoom) {
      return new Promise(resolve => {
        if (!navigator.geolocation) { resolve('unavailable'); return; }
        navigator.geolocation.getCurrentPosition(position => {
          const at = [position.coords.latitude, position.coords.longitude];
          const radius = Math.min(position.coords.accuracy || 0, 2000);
          if (!here) {
            accuracy = L.circle(at, { radius, renderer, color: '#1565c0', weight: 1, fillOpacity: 0.1, interactive: false }).addTo(map);
            here = L.marker(at, { icon: L.divIcon({ className: 'hg-here', iconSize: [18, 18] }), keyboard: false, interactive: false, zIndexOffset: 1000 }).addTo(map);
          } else {
            here.setLatLng(at);
            accuracy.setLatLng(at).setRadius(radius);
          }
          map.setView(at, Math.max(map.getZoom(), zoom), { animate: false }); // at once: the point is where the user is
          host.dataset.located = at.join(',');
          resolve('ok');
        }, error => resolve(error.code === 1 ? 'denied' : 'unavailable'), { enableHighAccuracy: true, timeout: 20000, maximumAge: 60000 });
      });
    },
    isIdle() { return idle; },
    count() { return byId.size; },
    dispose() { resized.disconnect(); map.remove(); canvas.remove(); byId.clear(); },
  };
}
