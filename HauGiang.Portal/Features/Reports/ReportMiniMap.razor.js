// A small, static Leaflet map of one report's point.
import { loadLeaflet } from '/js/leaflet-loader.js';

export async function create(element, lat, lon, tileUrl, attribution) {
  const L = await loadLeaflet();
  const map = L.map(element, { zoomControl: true, scrollWheelZoom: false }).setView([lat, lon], 16);
  if (tileUrl) {
    L.tileLayer(tileUrl, { attribution: attribution || '', maxZoom: 19 }).addTo(map);
  }
  L.circleMarker([lat, lon], { radius: 9, color: '#b71c1c', weight: 2, fillColor: '#e53935', fillOpacity: 0.85 }).addTo(map);
  return { dispose: () => map.remove() };
}
