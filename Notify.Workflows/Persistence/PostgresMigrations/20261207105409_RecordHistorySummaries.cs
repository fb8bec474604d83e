using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Notify.Workflows.Persistence.PostgresMigrations
{
    /// <inheritdoc />
    public partial class RecordHistorySummaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RecordHistorySummaries",
                columns: table => new
                {
                    RecordType = table.Column<string>(type: "text", nullable: false),
                    RecordKey = table.Column<string>(type: "text", nullable: false),
                    Messages = table.Column<int>(type: "integer", nullable: false),
                    Sms = table.Column<int>(type: "integer", nullable: false),
                    Emails = table.Column<int>(type: "integer", nullable: false),
                    InApp = table.Column<int>(type: "integer", nullable: false),
                    Webhooks = table.Column<int>(type: "integer", nullable: false),
                    Failed = table.Column<int>(type: "integer", nullable: false),
                    Skipped = table.Column<int>(type: "integer", nullable: false),
                    Runs = table.Column<int>(type: "integer", nullable: false),
                    From = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    To = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecordHistorySummaries", x => new { x.RecordType, x.RecordKey });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RecordHistorySummaries");
        }
    }
}
