import { PageLoading } from "../_components/PageLoading";

export default function Loading() {
  return <PageLoading label="Loading your account…" />;
}
