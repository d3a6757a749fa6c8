#pragma once

// Independent tasks on the available cores: what rendering the generators and proving their
// files both need.

#include <cstddef>
#include <functional>

namespace lynctopo {

// Runs task(0) .. task(count - 1) on up to `jobs` threads, this one among them (0: one per
// core), and returns once every task has finished. Tasks are taken in index order, so a task
// that waits for those before it only waits for tasks already running. When no more threads
// can be had, the threads there are take every task. The first exception a task threw (by
// index) is rethrown once all are done.
void RunSideBySide(size_t count, unsigned jobs, const std::function<void(size_t)>& task);

// Hands the allocator's free pages back to the kernel. What a task freed stays in the arena of
// the thread it ran on (glibc keeps one per thread), where a task on another thread cannot
// reuse it: called after each large task, the peak is what the tasks hold, not what each
// thread once held. Nothing where the C library is not glibc.
void GiveBackFreedMemory();

}  // namespace lynctopo
