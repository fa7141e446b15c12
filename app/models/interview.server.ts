// Interviews: scheduling one for an application, and what its calendar file needs.
import { prisma } from "~/utils/db.server";

export async function scheduleInterview(applicationId: string, interviewerId: string, startsAt: Date, durationMinutes: number, link: string | undefined) {
  return prisma.interview.create({ data: { applicationId, interviewerId, startsAt, durationMinutes, link: link ?? null }, select: { id: true } });
}

export async function getInterviewForCalendar(interviewId: string) {
  return prisma.interview.findFirst({
    where: { id: interviewId, application: { applicant: { anonymizedAt: null } } },
    select: {
      id: true,
      startsAt: true,
      durationMinutes: true,
      link: true,
      createdAt: true,
      interviewer: { select: { name: true, email: true } },
      application: { select: { applicant: { select: { name: true, email: true } }, opening: { select: { title: true } } } },
    },
  });
}
