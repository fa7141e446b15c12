// Inline line icons (24×24, currentColor) so the app ships no icon font.
import type { SVGProps } from "react";

function Icon({ d, ...props }: SVGProps<SVGSVGElement> & { d: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      width="20"
      height="20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      {...props}
    >
      <path d={d} />
    </svg>
  );
}

export const ChartIcon = (p: SVGProps<SVGSVGElement>) => <Icon d="M4 20V10m6 10V4m6 16v-7m4 7H2" {...p} />;
export const PeopleIcon = (p: SVGProps<SVGSVGElement>) => (
  <Icon d="M16 19v-1a4 4 0 0 0-4-4H7a4 4 0 0 0-4 4v1M9.5 10a3 3 0 1 0 0-6 3 3 0 0 0 0 6Zm11 9v-1a4 4 0 0 0-3-3.9M15 4.1a3 3 0 0 1 0 5.8" {...p} />
);
export const CalendarIcon = (p: SVGProps<SVGSVGElement>) => (
  <Icon d="M7 3v3m10-3v3M4 9h16M5 5h14a1 1 0 0 1 1 1v13a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1Z" {...p} />
);
export const JobsIcon = (p: SVGProps<SVGSVGElement>) => (
  <Icon d="M12 3v4m0 10v4M3 12h4m10 0h4M5.6 5.6l2.8 2.8m7.2 7.2 2.8 2.8m0-12.8-2.8 2.8m-7.2 7.2-2.8 2.8" {...p} />
);
export const ShieldIcon = (p: SVGProps<SVGSVGElement>) => <Icon d="M12 3 4 6v6c0 4.5 3.4 8.3 8 9 4.6-.7 8-4.5 8-9V6l-8-3Z" {...p} />;
export const LockIcon = (p: SVGProps<SVGSVGElement>) => <Icon d="M6 11h12v9H6zM8 11V8a4 4 0 1 1 8 0v3" {...p} />;
export const SearchIcon = (p: SVGProps<SVGSVGElement>) => <Icon d="m20 20-4.5-4.5M10.5 17a6.5 6.5 0 1 1 0-13 6.5 6.5 0 0 1 0 13Z" {...p} />;
export const InboxIcon = (p: SVGProps<SVGSVGElement>) => <Icon d="M3 13h5l1.5 3h5L16 13h5M5 5h14l2 8v6H3v-6l2-8Z" {...p} />;
