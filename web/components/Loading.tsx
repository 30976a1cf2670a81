import { Center, Loader } from '@mantine/core';

export function PageLoader({ fullHeight = false }: { fullHeight?: boolean }) {
  return (
    <Center py="xl" mih={fullHeight ? '100dvh' : 200}>
      <Loader aria-label="Загрузка" />
    </Center>
  );
}
