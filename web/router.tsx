// Routes: login and the layout load with the page; every other screen is its own chunk.
import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { PageLoader } from './components/Loading.tsx';
import { AppLayout } from './routes/layout.tsx';
import { LoginPage } from './routes/login.tsx';

const HomePage = lazy(() => import('./routes/home.tsx'));
const OrganisationsPage = lazy(() => import('./routes/organisations.tsx'));
const OrganisationPage = lazy(() => import('./routes/organisation.tsx'));
const ImportPage = lazy(() => import('./routes/organisations-import.tsx'));
const PeoplePage = lazy(() => import('./routes/people.tsx'));
const PersonPage = lazy(() => import('./routes/person.tsx'));
const UsersPage = lazy(() => import('./routes/users.tsx'));
const AuditPage = lazy(() => import('./routes/audit.tsx'));
const ProgrammesPage = lazy(() => import('./routes/programmes.tsx'));
const ProgrammeImportPage = lazy(() => import('./routes/programmes-import.tsx'));
const ProgrammePage = lazy(() => import('./routes/programme.tsx'));
const IdentificationPage = lazy(() => import('./routes/identification.tsx'));
const IdentificationRunPage = lazy(() => import('./routes/identification-run.tsx'));
const IdentificationMethodologiesPage = lazy(() => import('./routes/identification-methodologies.tsx'));
const IdentificationMethodologyPage = lazy(() => import('./routes/identification-methodology.tsx'));
const IdentificationListsPage = lazy(() => import('./routes/identification-lists.tsx'));
const IdentificationListPage = lazy(() => import('./routes/identification-list.tsx'));
const ProgrammeExecutionPage = lazy(() => import('./routes/programme-execution.tsx'));
const ProgrammeRoundsPage = lazy(() => import('./routes/programme-rounds.tsx'));
const RoundPage = lazy(() => import('./routes/programme-rounds.tsx').then((m) => ({ default: m.RoundPage })));
const ProgrammeDashboardPage = lazy(() => import('./routes/programme-dashboard.tsx'));
const DashboardPage = lazy(() => import('./routes/dashboard.tsx'));
const CalendarPage = lazy(() => import('./routes/calendar.tsx'));
const NetworkPage = lazy(() => import('./routes/network.tsx'));
const EventsPage = lazy(() => import('./routes/events.tsx'));
const EventPage = lazy(() => import('./routes/event.tsx'));
const DiagnosisPage = lazy(() => import('./routes/diagnosis.tsx'));
const DiagnosisCampaignPage = lazy(() => import('./routes/diagnosis-campaign.tsx'));
const RiskProfilePage = lazy(() => import('./routes/risk-profile.tsx'));
const SurveyPage = lazy(() => import('./routes/survey.tsx'));
const SetPasswordPage = lazy(() => import('./routes/set-password.tsx'));
const NotFoundPage = lazy(() => import('./routes/not-found.tsx'));

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/welcome',
    element: (
      <Suspense fallback={<PageLoader fullHeight />}>
        <SetPasswordPage mode="invite" />
      </Suspense>
    ),
  },
  {
    path: '/reset',
    element: (
      <Suspense fallback={<PageLoader fullHeight />}>
        <SetPasswordPage mode="reset" />
      </Suspense>
    ),
  },
  // The questionnaire respondents fill by a school's code, without an account.
  ...['/survey', '/survey/:code'].map((path) => ({
    path,
    element: (
      <Suspense fallback={<PageLoader fullHeight />}>
        <SurveyPage />
      </Suspense>
    ),
  })),
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'organisations', element: <OrganisationsPage /> },
      { path: 'organisations/import', element: <ImportPage /> },
      { path: 'organisations/:id', element: <OrganisationPage /> },
      { path: 'organisations/:id/risk-profile', element: <RiskProfilePage /> },
      { path: 'people', element: <PeoplePage /> },
      { path: 'people/:id', element: <PersonPage /> },
      { path: 'users', element: <UsersPage /> },
      { path: 'programmes', element: <ProgrammesPage /> },
      { path: 'programmes/import', element: <ProgrammeImportPage /> },
      { path: 'programmes/:id', element: <ProgrammePage /> },
      { path: 'programmes/:id/execution', element: <ProgrammeExecutionPage /> },
      { path: 'programmes/:id/rounds', element: <ProgrammeRoundsPage /> },
      { path: 'programmes/:id/rounds/:roundId', element: <RoundPage /> },
      { path: 'programmes/:id/dashboard', element: <ProgrammeDashboardPage /> },
      { path: 'dashboard', element: <DashboardPage /> },
      { path: 'calendar', element: <CalendarPage /> },
      { path: 'network', element: <NetworkPage /> },
      { path: 'events', element: <EventsPage /> },
      { path: 'events/:id', element: <EventPage /> },
      { path: 'identification', element: <IdentificationPage /> },
      { path: 'identification/runs/:id', element: <IdentificationRunPage /> },
      { path: 'identification/methodologies', element: <IdentificationMethodologiesPage /> },
      { path: 'identification/methodologies/:ref', element: <IdentificationMethodologyPage /> },
      { path: 'identification/lists', element: <IdentificationListsPage /> },
      { path: 'identification/lists/:id', element: <IdentificationListPage /> },
      { path: 'diagnosis', element: <DiagnosisPage /> },
      { path: 'diagnosis/campaigns/:id', element: <DiagnosisCampaignPage /> },
      { path: 'audit', element: <AuditPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
