using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Notify.Workflows.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CompactJournal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A run's journal moves into the run's own row: one JSON array, in the order the lines were written.
            migrationBuilder.AddColumn<string>(
                name: "Journal",
                table: "Runs",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.Sql(
                """
                UPDATE "Runs" SET "Journal" = COALESCE((
                    SELECT json_group_array(json_object(
                        'at', strftime('%Y-%m-%dT%H:%M:%fZ', j."At"), 'step', j."StepId", 'kind', j."Kind", 'verdict', j."Outcome", 'message', j."Message") ORDER BY j."Id")
                    FROM "Journal" j WHERE j."RunId" = "Runs"."Id"), '[]');
                """);

            migrationBuilder.DropTable(
                name: "Journal");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Journal",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    Message = table.Column<string>(type: "TEXT", nullable: false),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StepId = table.Column<string>(type: "TEXT", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Journal", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Journal_RunId",
                table: "Journal",
                column: "RunId");

            migrationBuilder.Sql(
                """
                INSERT INTO "Journal" ("Id", "RunId", "At", "StepId", "Kind", "Outcome", "Message")
                SELECT row_number() OVER (ORDER BY r."CreatedAt", r."Id", j.key), r."Id",
                    replace(replace(json_extract(j.value, '$.at'), 'T', ' '), 'Z', ''), json_extract(j.value, '$.step'), json_extract(j.value, '$.kind'),
                    json_extract(j.value, '$.verdict'), json_extract(j.value, '$.message')
                FROM "Runs" r, json_each(r."Journal") j;
                """);

            migrationBuilder.DropColumn(
                name: "Journal",
                table: "Runs");
        }
    }
}
