using Fluid;
using Fluid.Ast;

namespace Notify.Domain.Templates;

/// <summary>
/// What a parsed template refers to: the merge-field paths it reads (<c>record.data.pickup</c>), the names it makes
/// itself (loop variables, <c>assign</c>, <c>capture</c>), and any loop over a literal range too large to allow.
/// </summary>
public sealed class TemplateFields
{
    public static readonly TemplateFields None = new([], [], null);

    private TemplateFields(IReadOnlyList<string> paths, IReadOnlyCollection<string> ownNames, TemplateError? rangeProblem)
    {
        Paths = paths;
        OwnNames = ownNames;
        RangeProblem = rangeProblem;
    }

    /// <summary>Each distinct dotted path read, in the order first read.</summary>
    public IReadOnlyList<string> Paths { get; }

    /// <summary>Variables the template makes itself; paths starting with them are not merge fields.</summary>
    public IReadOnlyCollection<string> OwnNames { get; }

    public TemplateError? RangeProblem { get; }

    /// <summary>The paths that are merge fields, not the template's own variables.</summary>
    public IEnumerable<string> MergeFields => Paths.Where(p => !OwnNames.Contains(p.Split('.')[0]));

    internal static TemplateFields Of(IFluidTemplate template)
    {
        var visitor = new Collector();
        visitor.VisitTemplate(template);
        return new TemplateFields(visitor.Paths, visitor.OwnNames, visitor.RangeProblem);
    }

    private sealed class Collector : AstVisitor
    {
        public List<string> Paths { get; } = [];

        public HashSet<string> OwnNames { get; } = new(StringComparer.Ordinal) { "forloop", "tablerowloop" };

        public TemplateError? RangeProblem { get; private set; }

        protected override Expression VisitMemberExpression(MemberExpression memberExpression)
        {
            var names = memberExpression.Segments.TakeWhile(s => s is IdentifierSegment).Cast<IdentifierSegment>().Select(s => s.Identifier).ToList();
            if (names.Count > 0)
            {
                var path = string.Join('.', names);
                if (!Paths.Contains(path)) Paths.Add(path);
            }

            return base.VisitMemberExpression(memberExpression);
        }

        protected override Statement VisitForStatement(ForStatement forStatement)
        {
            OwnNames.Add(forStatement.Identifier);
            if (forStatement.Range is { } range)
            {
                CheckRange(range);
                Visit(range);
            }

            return base.VisitForStatement(forStatement);
        }

        protected override Expression VisitRangeExpression(RangeExpression rangeExpression)
        {
            CheckRange(rangeExpression);
            return base.VisitRangeExpression(rangeExpression);
        }

        protected override Statement VisitAssignStatement(AssignStatement assignStatement)
        {
            OwnNames.Add(assignStatement.Identifier);
            return base.VisitAssignStatement(assignStatement);
        }

        protected override Statement VisitCaptureStatement(CaptureStatement captureStatement)
        {
            OwnNames.Add(captureStatement.Identifier);
            return base.VisitCaptureStatement(captureStatement);
        }

        /// <summary>A range needs fixed ends, at most <see cref="TemplateRenderer.MaxRange"/> apart: Fluid builds it whole before it counts steps.</summary>
        private void CheckRange(RangeExpression range)
        {
            if (RangeProblem is not null)
            {
                return;
            }

            if (range.From is not LiteralExpression from || range.To is not LiteralExpression to)
            {
                RangeProblem = new TemplateError($"a loop over a range needs fixed numbers at both ends, e.g. (1..10), at most {TemplateRenderer.MaxRange:N0} apart.", null, null);
                return;
            }

            var size = Math.Abs(to.Value.ToNumberValue() - from.Value.ToNumberValue()) + 1;
            if (size > TemplateRenderer.MaxRange)
            {
                RangeProblem = new TemplateError($"a loop over ({from.Value.ToNumberValue()}..{to.Value.ToNumberValue()}) repeats {size:N0} times; at most {TemplateRenderer.MaxRange:N0} are allowed.", null, null);
            }
        }
    }
}
