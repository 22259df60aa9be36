// The phone's own position, for reports whose photos carry no GPS and for on-site rechecks.
import type { Fix } from './report-types';

/** The device's fix, or null when it is refused, unavailable or slower than `timeoutMs`. */
export function currentFix(timeoutMs = 10_000): Promise<Fix | null> {
  if (!('geolocation' in navigator)) return Promise.resolve(null);
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (pos) => resolve({ lat: pos.coords.latitude, lon: pos.coords.longitude, accuracyM: pos.coords.accuracy }),
      () => resolve(null),
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 60_000 },
    );
  });
}
