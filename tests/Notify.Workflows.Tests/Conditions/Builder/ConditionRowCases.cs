using Notify.Workflows.Conditions.Builder;
using Notify.Workflows.Definitions;

namespace Notify.Workflows.Tests.Conditions.Builder;

/// <summary>Every operator of every field type: the row, the expression it must write, and a sample it holds for and one it does not.</summary>
public static class ConditionRowCases
{
    public sealed record Case(string Field, ConditionOperator Op, string Value, string Expression, Action<ConditionSample> Holds, Action<ConditionSample> Fails,
        int Amount = 1, TimeUnit Unit = TimeUnit.Hours)
    {
        public ConditionRow Row() => new() { Field = Field, Operator = Op, Value = Value, Amount = Amount, Unit = Unit };

        public override string ToString() => $"{Field} {Op} {Value}{(ConditionOperators.Operand(Op) == OperandKind.Duration ? $"{Amount} {Unit}" : "")}";
    }

    /// <summary>The data fields stored records showed: what the catalog offers beside the built-in fields.</summary>
    public static ConditionFields Fields() => new(
    [
        ConditionField.Data("record", "amount", FieldType.Number),
        ConditionField.Data("record", "starts", FieldType.Date),
        ConditionField.Data("record", "vip", FieldType.YesNo),
        ConditionField.Data("record", "city", FieldType.Text),
        ConditionField.Data("event", "reason", FieldType.Text),
    ]);

    private const string Christmas = "record.Day(2026, 12, 24)"; // midnight in Oslo: 23:00 UTC the day before

    public static readonly Case[] All =
    [
        // Text
        new("record.status", ConditionOperator.Is, "ready", "record.Status == \"ready\"", s => s.Status = "ready", s => s.Status = "Ready"),
        new("record.status", ConditionOperator.IsNot, "ready", "record.Status != \"ready\"", s => s.Status = "new", s => s.Status = "ready"),
        new("record.status", ConditionOperator.IsOneOf, "ready, done", "record.Status in (\"ready\", \"done\")", s => s.Status = "done", s => s.Status = "new"),
        new("record.status", ConditionOperator.IsNotOneOf, "ready,done", "!(record.Status in (\"ready\", \"done\"))", s => s.Status = "new", s => s.Status = "ready"),
        new("record.title", ConditionOperator.Contains, "Oslo", "record.Title.Contains(\"Oslo\")", s => s.Title = "Job in Oslo", s => s.Title = "Job in Bergen"),
        new("record.title", ConditionOperator.DoesNotContain, "Oslo", "!record.Title.Contains(\"Oslo\")", s => s.Title = "Bergen", s => s.Title = "Oslo"),
        new("record.title", ConditionOperator.StartsWith, "VIP", "record.Title.StartsWith(\"VIP\")", s => s.Title = "VIP visit", s => s.Title = "A VIP visit"),
        new("record.title", ConditionOperator.IsEmpty, "", "record.Title == \"\"", s => s.Title = "", s => s.Title = "x"),
        new("record.title", ConditionOperator.IsNotEmpty, "", "record.Title != \"\"", s => s.Title = "x", s => s.Title = ""),
        new("record.data.city", ConditionOperator.Is, "Oslo", "record.Text(\"city\") == \"Oslo\"", s => s.Data["city"] = "Oslo", s => s.Data["city"] = "Bergen"),
        new("record.data.city", ConditionOperator.IsEmpty, "", "!record.Has(\"city\")", _ => { }, s => s.Data["city"] = "Oslo"),
        new("record.data.city", ConditionOperator.IsNotEmpty, "", "record.Has(\"city\")", s => s.Data["city"] = "Oslo", s => s.Data["city"] = ""),
        new("previous.status", ConditionOperator.Is, "new", "previous.Status == \"new\"", s => s.PreviousStatus = "new", s => s.PreviousStatus = "ready"),
        new("event.toStatus", ConditionOperator.IsOneOf, "ready", "event.ToStatus in (\"ready\")", s => s.ToStatus = "ready", s => s.ToStatus = "new"),
        new("event.data.reason", ConditionOperator.Contains, "late", "event.Text(\"reason\").Contains(\"late\")", s => s.EventData["reason"] = "too late", s => { }),

        // Number: data compare as numbers, whether sent as a number or as text
        new("record.data.amount", ConditionOperator.Is, "1000", "record.Has(\"amount\") && record.Number(\"amount\") == 1000", s => s.Data["amount"] = 1000m, s => s.Data["amount"] = 999m),
        new("record.data.amount", ConditionOperator.IsNot, "1000", "record.Number(\"amount\") != 1000", s => s.Data["amount"] = "250", s => s.Data["amount"] = "1000"),
        new("record.data.amount", ConditionOperator.GreaterThan, "1 000", "record.Has(\"amount\") && record.Number(\"amount\") > 1000", s => s.Data["amount"] = "1500", s => s.Data["amount"] = 250m),
        new("record.data.amount", ConditionOperator.AtLeast, "12,5", "record.Has(\"amount\") && record.Number(\"amount\") >= 12.5m", s => s.Data["amount"] = 12.5m, s => s.Data["amount"] = 12.4m),
        new("record.data.amount", ConditionOperator.LessThan, "-3", "record.Has(\"amount\") && record.Number(\"amount\") < -3", s => s.Data["amount"] = -4m, s => { }),
        new("record.data.amount", ConditionOperator.AtMost, "100", "record.Has(\"amount\") && record.Number(\"amount\") <= 100", s => s.Data["amount"] = 100m, s => s.Data["amount"] = "100.01"),
        new("record.data.amount", ConditionOperator.IsEmpty, "", "!record.Has(\"amount\")", _ => { }, s => s.Data["amount"] = 0m),
        new("record.data.amount", ConditionOperator.IsNotEmpty, "", "record.Has(\"amount\")", s => s.Data["amount"] = 0m, _ => { }),

        // Date: a day is the start of that day in the organisation's time zone; a missing date is never before or after
        new("record.deadline", ConditionOperator.Before, "2026-12-24", $"record.HasDeadline && record.Deadline < {Christmas}",
            s => s.Deadline = new DateTime(2026, 12, 23, 22, 59, 0, DateTimeKind.Utc), s => s.Deadline = null),
        new("record.deadline", ConditionOperator.OnOrAfter, "2026-12-24", $"record.HasDeadline && record.Deadline >= {Christmas}",
            s => s.Deadline = new DateTime(2026, 12, 23, 23, 0, 0, DateTimeKind.Utc), s => s.Deadline = new DateTime(2026, 12, 23, 22, 0, 0, DateTimeKind.Utc)),
        new("record.deadline", ConditionOperator.InThePast, "", "record.HasDeadline && record.Deadline < now", s => s.Deadline = ConditionSample.Friday.AddMinutes(-1), s => s.Deadline = null),
        new("record.deadline", ConditionOperator.InTheFuture, "", "record.HasDeadline && record.Deadline > now", s => s.Deadline = ConditionSample.Friday.AddMinutes(1), s => s.Deadline = ConditionSample.Friday.AddMinutes(-1)),
        new("record.deadline", ConditionOperator.WithinTheNext, "", "record.HasDeadline && record.Deadline >= now && record.Deadline <= now.AddDays(2)",
            s => s.Deadline = ConditionSample.Friday.AddDays(1.5), s => s.Deadline = ConditionSample.Friday.AddDays(2.5), Amount: 2, Unit: TimeUnit.Days),
        new("record.deadline", ConditionOperator.WithinTheLast, "", "record.HasDeadline && record.Deadline <= now && record.Deadline >= now.AddHours(-3)",
            s => s.Deadline = ConditionSample.Friday.AddHours(-2), s => s.Deadline = ConditionSample.Friday.AddHours(-4), Amount: 3),
        new("record.deadline", ConditionOperator.MoreThanAhead, "", "record.HasDeadline && record.Deadline > record.AddWorkingDays(now, 2)",
            s => s.Deadline = ConditionSample.Friday.AddDays(5), s => s.Deadline = ConditionSample.Friday.AddDays(3), Amount: 2, Unit: TimeUnit.WorkingDays),
        new("record.deadline", ConditionOperator.MoreThanAgo, "", "record.HasDeadline && record.Deadline < now.AddMinutes(-30)",
            s => s.Deadline = ConditionSample.Friday.AddMinutes(-31), s => s.Deadline = ConditionSample.Friday.AddMinutes(-29), Amount: 30, Unit: TimeUnit.Minutes),
        new("record.deadline", ConditionOperator.IsEmpty, "", "!record.HasDeadline", _ => { }, s => s.Deadline = ConditionSample.Friday),
        new("record.deadline", ConditionOperator.IsNotEmpty, "", "record.HasDeadline", s => s.Deadline = ConditionSample.Friday, _ => { }),
        new("record.data.starts", ConditionOperator.Before, "2026-12-24", $"record.Has(\"starts\") && record.Date(\"starts\") < {Christmas}",
            s => s.Data["starts"] = "2026-12-23T23:59:00+01:00", _ => { }),
        new("record.data.starts", ConditionOperator.WithinTheNext, "", "record.Has(\"starts\") && record.Date(\"starts\") >= now && record.Date(\"starts\") <= now.AddHours(24)",
            s => s.Data["starts"] = "2026-11-21T09:00:00Z", s => s.Data["starts"] = "2026-11-21T11:00:00Z", Amount: 24),
        new("now", ConditionOperator.Before, "2026-12-24", $"now < {Christmas}", _ => { }, s => s.Now = new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc)),
        new("now", ConditionOperator.OnOrAfter, "2026-11-20", "now >= record.Day(2026, 11, 20)", _ => { }, s => s.Now = new DateTime(2026, 11, 19, 22, 0, 0, DateTimeKind.Utc)),

        // Yes/no
        new("record.done", ConditionOperator.IsYes, "", "record.IsDone", s => s.IsDone = true, _ => { }),
        new("record.done", ConditionOperator.IsNo, "", "!record.IsDone", _ => { }, s => s.IsDone = true),
        new("record.data.vip", ConditionOperator.IsYes, "", "record.Flag(\"vip\")", s => s.Data["vip"] = "yes", s => s.Data["vip"] = false),
        new("record.data.vip", ConditionOperator.IsNo, "", "!record.Flag(\"vip\")", _ => { }, s => s.Data["vip"] = true),

        // Lists
        new("record.assignees", ConditionOperator.Contains, "ola", "record.Assignees.Contains(\"ola\")", s => s.Assignees.Add("ola"), s => s.Assignees.Add("kari")),
        new("record.assignees", ConditionOperator.DoesNotContain, "ola", "!record.Assignees.Contains(\"ola\")", _ => { }, s => s.Assignees.Add("ola")),
        new("record.assignees", ConditionOperator.IsEmpty, "", "record.Assignees.Count == 0", _ => { }, s => s.Assignees.Add("ola")),
        new("record.assignees", ConditionOperator.IsNotEmpty, "", "record.Assignees.Count > 0", s => s.Assignees.Add("ola"), _ => { }),
        new("event.addedAssignees", ConditionOperator.Contains, "kari", "event.AddedAssignees.Contains(\"kari\")", s => s.Added.Add("kari"), _ => { }),
    ];
}
