using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Notify.Workflows.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RetentionEventsReplies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Runs_FlowVersionId_EventId",
                table: "Runs");

            migrationBuilder.AddColumn<int>(
                name: "Events",
                table: "RecordHistorySummaries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Replies",
                table: "RecordHistorySummaries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_Runs_EventId_FlowVersionId",
                table: "Runs",
                columns: new[] { "EventId", "FlowVersionId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Runs_EventId_FlowVersionId",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "Events",
                table: "RecordHistorySummaries");

            migrationBuilder.DropColumn(
                name: "Replies",
                table: "RecordHistorySummaries");

            migrationBuilder.CreateIndex(
                name: "IX_Runs_FlowVersionId_EventId",
                table: "Runs",
                columns: new[] { "FlowVersionId", "EventId" },
                unique: true);
        }
    }
}
