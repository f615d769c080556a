// The runner redirects the process-wide console while a script runs, and the end-to-end tests share one
// published runner: the tests of this assembly run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
