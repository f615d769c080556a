// Prints the sample pipeline; `dotnet run --project samples/PluginConsumer | buildkite-agent pipeline upload`.
Console.Write(PluginConsumer.SamplePipeline.Create().ToYaml());
