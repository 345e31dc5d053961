// /map draws its points from the prerendered page while Blazor connects; the map component adopts that map.
// A file of its own, not an inline script: the Content-Security-Policy allows scripts from this site only.
// The path resolves to the same URL the component imports, so the import map sends both to one module.
import { boot } from '../Features/Map/ReportMap.razor.js';

boot();
