using Microsoft.Extensions.DependencyInjection;
using Notify.Workflows.Definitions;
using Notify.Workflows.Steps;
using Notify.Workflows.Steps.Branch;

namespace Notify.Workflows.Tests.Steps;

public sealed class StepKindsTests
{
    [Fact]
    public async Task EveryKind_HasItsStepRegistered_ItsJsonName_AndWords()
    {
        await using var engine = await EngineHarness.StartAsync(seedDemo: false);
        var registry = engine.Services.GetRequiredService<StepRegistry>();

        foreach (var kind in StepKinds.All)
        {
            var created = kind.Create("x");
            var json = FlowJson.Serialize(new FlowDefinition { Name = "n", Steps = [created] });

            Assert.Equal(kind.StepType, registry.Find(kind.Kind)?.GetType());
            Assert.Equal(kind.DefinitionType, created.GetType());
            Assert.Contains($"\"kind\": \"{kind.Kind}\"", json, StringComparison.Ordinal);
            Assert.Equal(json, FlowJson.Serialize(FlowJson.Deserialize(json)));
            Assert.False(string.IsNullOrWhiteSpace(kind.Describe(created)));
            Assert.False(string.IsNullOrWhiteSpace(kind.Label));
        }
    }

    [Fact]
    public void Branch_HasAYesAndANoExit_ThatCanBePointedElsewhere()
    {
        var kind = StepKinds.Find("branch")!;
        var branch = new BranchStepDefinition { Id = "b", Expression = "true", Then = "a" };

        var pointed = (BranchStepDefinition)kind.WithExit(branch, "else", "c");

        Assert.Equal([("then", "a"), ("else", (string?)null)], kind.Exits(branch).Select(e => (e.Name, e.Target)));
        Assert.Equal("c", pointed.Else);
        Assert.Equal("a", pointed.Then);
        var stop = StepKinds.Find("stop")!;
        Assert.Empty(stop.Exits(stop.Create("s")));
    }

    [Fact]
    public void UnknownKindInJson_IsAJsonErrorNamingIt_NotAStepOfSomeOtherKind()
    {
        var ex = Assert.ThrowsAny<System.Text.Json.JsonException>(() =>
            FlowJson.Deserialize("""{ "name": "n", "steps": [ { "kind": "teleport", "id": "t" } ] }"""));

        Assert.Contains("teleport", ex.Message, StringComparison.Ordinal);
    }
}
