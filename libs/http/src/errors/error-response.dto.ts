import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldProblemDto {
  @ApiProperty({ example: 'priority' }) field!: string;
  @ApiProperty({ example: 'max' }) reason!: string;
  @ApiProperty({ example: 'priority must not be greater than 10' }) message!: string;
}

export class ErrorResponseDto {
  @ApiProperty({ example: 400 }) statusCode!: number;
  @ApiProperty({ example: 'VALIDATION.FAILED', description: 'Stable machine-readable code' }) code!: string;
  @ApiProperty({ example: 'Request validation failed' }) message!: string;
  @ApiPropertyOptional({ type: [FieldProblemDto] }) details?: FieldProblemDto[];
  @ApiProperty({ example: '7f1c0a9e-3f57-4f6e-9d2b-4b8d1d6c2a10' }) requestId!: string;
}
