using System.Collections.Concurrent;
using System.Linq.Dynamic.Core;
using System.Linq.Dynamic.Core.Exceptions;
using System.Linq.Expressions;
using RulesEngine.Models;

namespace Notify.Workflows.Conditions;

/// <summary>
/// Conditions as RulesEngine expressions (Dynamic LINQ). Each distinct expression becomes one compiled
/// RulesEngine workflow, cached, so a warm evaluation costs about a microsecond.
/// </summary>
public sealed class RulesEngineConditionEvaluator : IConditionEvaluator
{
    private static readonly ParameterExpression[] Parameters =
    [
        Expression.Parameter(typeof(ConditionEvent), "event"),
        Expression.Parameter(typeof(ConditionRecord), "record"),
        Expression.Parameter(typeof(ConditionRecord), "previous"),
        Expression.Parameter(typeof(DateTime), "now"),
    ];

    private readonly RulesEngine.RulesEngine _engine = new(
        Array.Empty<RulesEngine.Models.Workflow>(), new ReSettings { IsExpressionCaseSensitive = false, UseFastExpressionCompiler = true, CustomTypes = [typeof(Math), typeof(Convert)] });

    private readonly ConcurrentDictionary<string, string> _workflows = new(StringComparer.Ordinal);

    public string? Validate(string expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return "The condition is not finished: add a condition and fill in each part of it.";
        }

        try
        {
            var config = new ParsingConfig { IsCaseSensitive = false, CustomTypeProvider = null };
            DynamicExpressionParser.ParseLambda(config, Parameters, typeof(bool), expression);
            return null;
        }
        catch (ParseException ex)
        {
            return $"position {ex.Position + 1}: {ConditionMessages.Plain(ex.Message)}";
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            return ConditionMessages.Plain(ex.Message);
        }
    }

    public ConditionResult Evaluate(string expression, ConditionInput input)
    {
        var workflow = _workflows.GetOrAdd(expression, Register);
        var results = _engine.ExecuteAllRulesAsync(
            workflow,
            new RuleParameter("event", input.Event),
            new RuleParameter("record", input.Record),
            new RuleParameter("previous", input.Previous),
            new RuleParameter("now", input.Now)).GetAwaiter().GetResult();
        var result = results[0];
        if (!string.IsNullOrEmpty(result.ExceptionMessage))
        {
            return ConditionResult.Failed(result.ExceptionMessage);
        }

        return result.IsSuccess ? ConditionResult.True : ConditionResult.False;
    }

    private string Register(string expression)
    {
        var name = "c" + _workflows.Count + "_" + Convert.ToHexString(
            System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(expression)))[..16];
        _engine.AddOrUpdateWorkflow(new RulesEngine.Models.Workflow
        {
            WorkflowName = name,
            Rules = [new Rule { RuleName = "condition", Expression = expression, RuleExpressionType = RuleExpressionType.LambdaExpression }],
        });
        return name;
    }
}
