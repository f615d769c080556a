// Prints the sample pipeline (a bundled binding and a generated one), then SCION's doc-only pipeline, as two
// YAML documents; .ci/run compares the output with expected.yml.
Console.Write(PluginConsumer.SamplePipeline.Create().ToYaml());
Console.Write("---\n");
Console.Write(Scion.Pipeline.ScionPipeline.DocOnly().ToYaml());
