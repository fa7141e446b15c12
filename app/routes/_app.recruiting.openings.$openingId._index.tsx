// The kanban board of one opening: a column per stage, cards moved by drag and drop or from each card's Move menu.
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useFetcher, useLoaderData, useNavigate } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { AvailabilitySummary, CohortBadge, daysSince, LanguageList } from "~/components/applicant-bits";
import { FormErrors } from "~/components/forms";
import { ButtonLink, cx, PageHeader } from "~/components/ui";
import { MoveSchema } from "~/models/applicant-forms";
import { getKanban, KANBAN_CARDS_PER_STAGE, moveApplication } from "~/models/application.server";
import { openingPlanStatus } from "~/models/capacity.server";
import { PlanTargetNote } from "~/components/plan-target";
import { OPENING_STATUS_LABELS } from "~/models/recruiting-vocabulary";
import { requirePermission } from "~/utils/auth.server";
import { cacheThisPage, cacheUntil } from "~/utils/render-context.server";
import { prisma } from "~/utils/db.server";
import { permitted } from "~/utils/permissions";
import { invariantResponse } from "~/utils/responses.server";
import { replyMessages } from "~/utils/form";
import { readForm, replyInvalid } from "~/utils/form.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.board.title ?? "Pipeline"} · Handoff` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "recruiting:view");
  // Kept while the tables it read are unchanged (decision 090); the cards' "days waiting" are counted
  // from the clock when the page is drawn, so at most a minute late.
  cacheThisPage();
  cacheUntil(Date.now() + 60_000);
  const board = await getKanban(params.openingId ?? "");
  invariantResponse(board, "Not found", { status: 404 });
  const planTargets = (await openingPlanStatus(board.id)).map((t) => ({
    key: `${t.queueKey}|${t.cohort}`,
    headcount: t.headcount,
    cohort: t.cohort,
    queueKey: t.queueKey,
    hireBy: t.hireBy.toISOString().slice(0, 10),
    expected: t.expected,
    scenarioName: t.scenarioName,
    previousHeadcount: t.previousHeadcount,
    previousHireBy: t.previousHireBy?.toISOString().slice(0, 10) ?? null,
  }));
  return { board, planTargets, perStage: KANBAN_CARDS_PER_STAGE, can: permitted(user, ["applicants:edit", "openings:edit"]) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "applicants:edit");
  const submission = parseWithZod(await readForm(request), { schema: MoveSchema });
  if (submission.status !== "success") return replyInvalid(submission, { formErrors: ["That move was not understood"] });
  const { applicationId, stageId } = submission.value;
  const belongs = await prisma.application.count({ where: { id: applicationId, openingId: params.openingId } });
  invariantResponse(belongs, "Not found", { status: 404 });
  const result = await moveApplication(applicationId, stageId, user.id);
  return result.ok ? { result: submission.reply() } : replyInvalid(submission, { formErrors: [result.error], status: 409 });
}

type Board = Awaited<ReturnType<typeof loader>>["board"];
type Card = Board["columns"][number]["cards"][number];

export default function PipelineBoard() {
  const { board, planTargets, perStage, can } = useLoaderData<typeof loader>();
  const [canMove, canEdit] = [can["applicants:edit"], can["openings:edit"]];
  const fetcher = useFetcher<typeof action>();
  const moveErrors = replyMessages(fetcher.data?.result);
  const navigate = useNavigate();
  const [dragging, setDragging] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  // A move shows at once; the loader's next answer replaces the guess.
  const [pending, setPending] = useState<{ applicationId: string; stageId: string } | null>(null);
  useEffect(() => setPending(null), [board]);
  useEffect(() => {
    const errors = replyMessages(fetcher.data?.result);
    if (errors.length) {
      setPending(null);
      setAnnouncement(errors.join(" "));
    }
  }, [fetcher.data]);

  const boardColumns = board.columns.filter((c) => c.kind === "ACTIVE" || c.kind === "HIRED");
  const scroller = useRef<HTMLDivElement>(null);
  const edgeSince = useRef<number | null>(null);
  const [more, setMore] = useState({ left: false, right: false });
  const measure = useCallback(() => {
    const el = scroller.current;
    if (el) setMore({ left: el.scrollLeft > 4, right: el.scrollLeft + el.clientWidth < el.scrollWidth - 4 });
  }, []);
  useEffect(() => {
    measure();
    window.addEventListener("resize", measure);
    return () => window.removeEventListener("resize", measure);
  }, [measure, boardColumns.length]);
  const scrollBy = (dx: number) => scroller.current?.scrollBy({ left: dx, behavior: "smooth" });
  const closed = board.columns.filter((c) => c.kind === "REJECTED" || c.kind === "WITHDRAWN");
  const cardsOf = (stageId: string) => {
    const all = board.columns.flatMap((c) => c.cards.map((card) => ({ card, stageId: c.id })));
    return all.filter(({ card, stageId: s }) => (pending && pending.applicationId === card.id ? pending.stageId : s) === stageId).map(({ card }) => card);
  };

  function move(card: Card, to: Board["columns"][number]) {
    if (to.kind === "HIRED") {
      navigate(`/recruiting/applicants/${card.applicant.id}?application=${card.id}#hire`);
      return;
    }
    setPending({ applicationId: card.id, stageId: to.id });
    setAnnouncement(`${card.applicant.name} moved to ${to.name}`);
    fetcher.submit({ intent: "move", applicationId: card.id, stageId: to.id }, { method: "post" });
  }

  const findCard = (id: string) => board.columns.flatMap((c) => c.cards).find((c) => c.id === id);

  return (
    <>
      <PageHeader
        title={board.title}
        description={`${OPENING_STATUS_LABELS[board.status]} · target ${board.headcountTarget} hires. Drag a card to another stage, or use its Move menu. Longest-waiting first.`}
        actions={
          <>
            <ButtonLink to={`/recruiting/applicants?openingId=${board.id}`}>List view</ButtonLink>
            {canEdit ? <ButtonLink to={`/recruiting/openings/${board.id}/edit`}>Edit opening</ButtonLink> : null}
          </>
        }
      />
      {planTargets.map((t) => (
        <PlanTargetNote key={t.key} target={t} />
      ))}
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      <div className="mb-3 empty:hidden">
        <FormErrors errors={moveErrors} />
      </div>
      <div className="mb-3 flex flex-wrap items-center gap-2 text-sm text-slate-700">
        {closed.map((c) => (
          <Link
            key={c.id}
            to={`/recruiting/applicants?openingId=${board.id}&stage=${encodeURIComponent(c.name)}`}
            className="rounded-md border border-slate-200 bg-white px-2 py-1 hover:bg-slate-50"
          >
            {c.name} <span className="font-semibold tabular-nums">{c.count.toLocaleString("en-GB")}</span>
          </Link>
        ))}
        {more.left || more.right ? (
          <span className="ml-auto flex items-center gap-2">
            <span className="text-slate-600">More stages than fit:</span>
            <button
              type="button"
              onClick={() => scrollBy(-600)}
              disabled={!more.left}
              className="rounded-md border border-slate-300 bg-white px-2.5 py-1 font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-40"
            >
              ← Earlier
            </button>
            <button
              type="button"
              onClick={() => scrollBy(600)}
              disabled={!more.right}
              className="rounded-md border border-slate-300 bg-white px-2.5 py-1 font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-40"
            >
              Later →
            </button>
          </span>
        ) : null}
      </div>
      <div
        ref={scroller}
        onScroll={measure}
        // Holding a dragged card at an edge for a moment scrolls the board, so every stage can be
        // reached by dragging; passing over the edge on the way to a column does not move it.
        onDragOver={(e) => {
          const el = scroller.current;
          if (!el || !dragging) return;
          const { left, right } = el.getBoundingClientRect();
          const direction = e.clientX > right - 48 ? 1 : e.clientX < left + 48 ? -1 : 0;
          if (!direction) {
            edgeSince.current = null;
            return;
          }
          edgeSince.current ??= e.timeStamp;
          if (e.timeStamp - edgeSince.current > 400) el.scrollLeft += direction * 24;
        }}
        className={cx(
          "-mx-4 overflow-x-auto px-4 pb-4 sm:-mx-6 sm:px-6 lg:-mx-10 lg:px-10",
          more.right && "[mask-image:linear-gradient(to_right,black_92%,transparent)]",
        )}
      >
        <ol className="flex min-w-max gap-3" aria-label="Stages">
          {boardColumns.map((column) => {
            const cards = cardsOf(column.id);
            return (
              <li
                key={column.id}
                data-testid="stage-column"
                data-stage={column.name}
                aria-label={`${column.name}, ${column.count} applicants`}
                onDragOver={(e) => {
                  if (!dragging) return;
                  e.preventDefault();
                  setOver(column.id);
                }}
                onDragLeave={() => setOver((o) => (o === column.id ? null : o))}
                onDrop={(e) => {
                  e.preventDefault();
                  const card = findCard(e.dataTransfer.getData("text/plain") || dragging || "");
                  setDragging(null);
                  setOver(null);
                  if (card) move(card, column);
                }}
                className={cx(
                  "flex w-72 flex-col rounded-xl border bg-slate-100/70 p-2",
                  over === column.id ? "border-brand-500 ring-2 ring-brand-200" : "border-slate-200",
                )}
              >
                <h2 className="flex items-center justify-between px-1 pb-2 text-sm font-semibold text-slate-800">
                  {column.name}
                  <span className="rounded-full bg-white px-2 text-xs tabular-nums text-slate-600">{column.count.toLocaleString("en-GB")}</span>
                </h2>
                {column.kind === "HIRED" ? (
                  <p className="rounded-lg border border-dashed border-slate-300 p-3 text-xs text-slate-600">
                    Drop a card here to open the hire form: start date, hours and skills.
                  </p>
                ) : null}
                <ul className="space-y-2">
                  {cards.map((card) => (
                    <li
                      key={card.id}
                      data-testid="applicant-card"
                      draggable={canMove}
                      onDragStart={(e) => {
                        e.dataTransfer.setData("text/plain", card.id);
                        e.dataTransfer.effectAllowed = "move";
                        setDragging(card.id);
                      }}
                      onDragEnd={() => setDragging(null)}
                      className={cx(
                        "rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm",
                        canMove && "cursor-grab",
                        dragging === card.id && "opacity-50",
                      )}
                    >
                      <div className="flex items-start justify-between gap-2">
                        <Link
                          to={`/recruiting/applicants/${card.applicant.id}?application=${card.id}`}
                          className="font-medium text-slate-900 hover:text-brand-700 hover:underline"
                        >
                          {card.applicant.name}
                        </Link>
                        <CohortBadge cohort={card.applicant.cohort} />
                      </div>
                      <p className="mt-1 text-xs text-slate-600">
                        <LanguageList languages={card.applicant.languages} /> · {card.applicant.hoursWanted} h/week
                      </p>
                      <p className="mt-0.5 text-xs text-slate-600">
                        <AvailabilitySummary slots={card.applicant.availability} />
                      </p>
                      <div className="mt-2 flex items-center justify-between text-xs text-slate-500">
                        <span>{daysSince(card.stageEnteredAt)} d in stage</span>
                        {canMove ? <MoveMenu card={card} columns={boardColumns} current={column.id} onMove={move} /> : null}
                      </div>
                    </li>
                  ))}
                </ul>
                {column.count > perStage && column.kind === "ACTIVE" ? (
                  <Link
                    to={`/recruiting/applicants?openingId=${board.id}&stage=${encodeURIComponent(column.name)}`}
                    className="mt-2 px-1 text-xs font-medium text-brand-700 underline"
                  >
                    {(column.count - perStage).toLocaleString("en-GB")} more in the list view
                  </Link>
                ) : null}
              </li>
            );
          })}
        </ol>
      </div>
    </>
  );
}

/** The keyboard way to move a card: a disclosure listing the other stages as buttons. */
function MoveMenu({
  card,
  columns,
  current,
  onMove,
}: {
  card: Card;
  columns: Board["columns"];
  current: string;
  onMove: (card: Card, to: Board["columns"][number]) => void;
}) {
  // The stages are listed only while the menu is open: a board of 200 cards does not send 1,000 hidden buttons.
  const [open, setOpen] = useState(false);
  return (
    <details
      className="relative"
      onToggle={(e) => setOpen(e.currentTarget.open)}
      onKeyDown={(e) => {
        if (e.key !== "Escape") return;
        const details = e.currentTarget;
        if (!details.open) return;
        e.stopPropagation();
        details.open = false;
        details.querySelector("summary")?.focus();
      }}
    >
      <summary className="cursor-pointer list-none rounded border border-slate-300 px-2 py-0.5 font-medium text-slate-700 hover:bg-slate-50 [&::-webkit-details-marker]:hidden">
        Move<span className="sr-only"> {card.applicant.name}</span>
      </summary>
      {open ? (
        <ul className="absolute right-0 z-20 mt-1 w-44 rounded-lg border border-slate-200 bg-white p-1 shadow-lg">
          {columns
            .filter((c) => c.id !== current)
            .map((c) => (
              <li key={c.id}>
                <button
                  type="button"
                  onClick={(e) => {
                    (e.currentTarget.closest("details") as HTMLDetailsElement).open = false;
                    onMove(card, c);
                  }}
                  className="w-full rounded px-2 py-1.5 text-left text-sm text-slate-800 hover:bg-brand-50 focus:bg-brand-50"
                >
                  To {c.name}
                  {c.kind === "HIRED" ? "…" : ""}
                </button>
              </li>
            ))}
        </ul>
      ) : null}
    </details>
  );
}
