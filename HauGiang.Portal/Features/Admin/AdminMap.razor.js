// A Leaflet map for the admin screens: boundaries, one marker, clicks back to .NET.
import { loadLeaflet } from '/js/leaflet-loader.js';

export async function create(element, dotnet, lat, lon, zoom, tileUrl, attribution) {
  // The shared loader brings Leaflet and its CSS once per page (the same copy as the report and live maps).
  const L = await loadLeaflet();
  const map = L.map(element, { zoomControl: true, scrollWheelZoom: true }).setView([lat, lon], zoom);
  if (tileUrl) {
    L.tileLayer(tileUrl, { attribution: attribution || '', maxZoom: 19 }).addTo(map);
  }
  let shapes = null;
  let marker = null;
  map.on('click', e => dotnet.invokeMethodAsync('MapClicked', e.latlng.lat, e.latlng.lng).catch(() => { }));
  return {
    setShapes(json) {
      if (shapes) { shapes.remove(); shapes = null; }
      if (!json) return;
      const data = JSON.parse(json);
      shapes = L.geoJSON(data, {
        style: f => {
          const ok = !f.properties || !f.properties.status || f.properties.status === 'ok';
          return { color: ok ? '#1565c0' : '#c62828', weight: 2, fillOpacity: ok ? 0.12 : 0.25 };
        },
        onEachFeature: (f, layer) => { if (f.properties && f.properties.label) layer.bindTooltip(f.properties.label); },
      }).addTo(map);
      const bounds = shapes.getBounds();
      if (bounds.isValid()) map.fitBounds(bounds, { padding: [12, 12] });
    },
    setMarker(mlat, mlon) {
      if (marker) { marker.remove(); marker = null; }
      if (mlat === null || mlon === null || mlat === undefined || mlon === undefined) return;
      marker = L.circleMarker([mlat, mlon], { radius: 8, color: '#b71c1c', weight: 2, fillColor: '#e53935', fillOpacity: 0.85 }).addTo(map);
      if (!map.getBounds().contains([mlat, mlon])) map.setView([mlat, mlon], Math.max(map.getZoom(), 12));
    },
    dispose() { map.remove(); },
  };
}
