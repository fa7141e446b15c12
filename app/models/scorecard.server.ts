// What recruiters record about an applicant: notes on the person and scorecards on an application.
import { prisma } from "~/utils/db.server";

export async function addNote(applicantId: string, authorId: string, body: string) {
  return prisma.note.create({ data: { applicantId, authorId, body }, select: { id: true } });
}

export type ScorecardInput = {
  interviewId?: string;
  fluency: number;
  empathy: number;
  writtenClarity: number;
  problemSolving: number;
  recommendation: "STRONG_NO" | "NO" | "YES" | "STRONG_YES";
  comment?: string;
};

export async function addScorecard(applicationId: string, authorId: string, input: ScorecardInput) {
  return prisma.$transaction(async (tx) => {
    const interviewId = input.interviewId
      ? ((await tx.interview.findFirst({ where: { id: input.interviewId, applicationId }, select: { id: true } }))?.id ?? null)
      : null;
    return tx.scorecard.create({ data: { ...input, interviewId, applicationId, authorId }, select: { id: true } });
  });
}
