// Reloading a page's data while something it shows is still moving (a job's progress), and not once it has settled.
import { useRevalidator } from "@remix-run/react";
import { useEffect } from "react";

/** Re-runs the page's loaders every `ms` while `live` is true and the tab is visible; one reload at a time. */
export function usePolling(live: boolean, ms = 1000) {
  const revalidator = useRevalidator();
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle" && document.visibilityState === "visible") revalidator.revalidate();
    }, ms);
    return () => clearInterval(timer);
  }, [live, ms, revalidator]);
}
