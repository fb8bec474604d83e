namespace Notify.Web.Features.Flows.Designer;

/// <summary>The steps of a flow a jump from one step can go to, labelled "step 2: Tell the customer (tell-customer)".</summary>
public static class FlowTargets
{
    public static IEnumerable<(string Id, string Label)> Of(FlowDesign design, StepDesign from) =>
        design.Steps.Select((s, i) => (s, i)).Where(x => x.s != from && !string.IsNullOrWhiteSpace(x.s.Id))
            .Select(x => (x.s.Id, $"step {x.i + 1}: {x.s.Title ?? x.s.Info.Label} ({x.s.Id})"));
}
