// A member of staff's professional development on the person's page: courses, deficits and the individual
// development plan (ИОМ), each in its own tab.
import { Badge, Tabs } from '@mantine/core';
import { useStaffDevelopment } from '../api/staff.ts';
import { CourseList } from './CourseList.tsx';
import { DeficitList } from './DeficitList.tsx';
import { DevelopmentPlanList } from './DevelopmentPlanList.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';
import { PageLoader } from './Loading.tsx';

const count = (n: number) =>
  n > 0 ? (
    <Badge size="sm" variant="light" circle={n < 10}>
      {n}
    </Badge>
  ) : null;

export function StaffDevelopment({ personId }: { personId: string }) {
  const dev = useStaffDevelopment(personId);
  if (dev.isPending) return <PageLoader />;
  if (dev.isError) return <ErrorAlert error={dev.error} onRetry={() => dev.refetch()} />;
  const { courses, deficits, plans, canWrite } = dev.data;
  const reload = () => void dev.refetch();
  const open = deficits.filter((d) => d.status === 'open').length;
  return (
    <Tabs defaultValue="courses" keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="courses" rightSection={count(courses.length)}>
          Курсы повышения квалификации
        </Tabs.Tab>
        <Tabs.Tab value="deficits" rightSection={count(open)}>
          Профессиональные дефициты
        </Tabs.Tab>
        <Tabs.Tab value="plans" rightSection={count(plans.length)}>
          Индивидуальный образовательный маршрут
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="courses" pt="md">
        <CourseList personId={personId} courses={courses} canWrite={canWrite} onReload={reload} />
      </Tabs.Panel>
      <Tabs.Panel value="deficits" pt="md">
        <DeficitList personId={personId} deficits={deficits} canWrite={canWrite} onReload={reload} />
      </Tabs.Panel>
      <Tabs.Panel value="plans" pt="md">
        <DevelopmentPlanList
          personId={personId}
          plans={plans}
          deficits={deficits}
          canWrite={canWrite}
          onReload={reload}
        />
      </Tabs.Panel>
    </Tabs>
  );
}
